package io.roomchat.adapter.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a template (as {@link CloudFormationYaml} reads it) against the AWS CloudFormation resource
 * specification, which also describes SAM's {@code AWS::Serverless::*} types: every resource type exists, every
 * property is one the type has and of the kind the specification gives, every required property is set, and
 * {@code Globals} only set properties their resource type has. Intrinsic functions are taken as valid wherever a
 * value may be. This is what cfn-lint checks first; SAM CLI and cfn-lint themselves come from PyPI, which the
 * build cannot reach, so the specification comes from npm ({@code @aws-cdk/cfnspec}, see package.json).
 */
final class ResourceSpecification {
    static final Path NPM_LOCATION = Path.of("..", "node_modules", "@aws-cdk", "cfnspec", "spec", "specification.json");
    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Transform", "Description",
            "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Globals", "Resources", "Outputs");
    private static final Set<String> RESOURCE_ATTRIBUTES = Set.of("Type", "Properties", "DependsOn", "Condition",
            "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy", "Metadata");
    private static final Map<String, String> GLOBALS = Map.of("Function", "AWS::Serverless::Function",
            "Api", "AWS::Serverless::Api", "HttpApi", "AWS::Serverless::HttpApi",
            "SimpleTable", "AWS::Serverless::SimpleTable");

    private final String version;
    private final JsonNode resourceTypes;
    private final JsonNode propertyTypes;
    private final Map<String, JsonNode> newerProperties;

    /**
     * @param newerProperties properties ({@code "Type.Property"}) newer than the specification, with their
     *                        specification written out, so that they are checked like the others
     */
    ResourceSpecification(JsonNode specification, Map<String, JsonNode> newerProperties) {
        this.version = specification.path("ResourceSpecificationVersion").asText("unknown");
        this.resourceTypes = specification.path("ResourceTypes");
        this.propertyTypes = specification.path("PropertyTypes");
        this.newerProperties = newerProperties;
    }

    static ResourceSpecification fromNpm(Map<String, JsonNode> newerProperties) throws IOException {
        if (!Files.isRegularFile(NPM_LOCATION)) {
            throw new IllegalStateException("The CloudFormation resource specification is missing at "
                    + NPM_LOCATION.toAbsolutePath().normalize() + ": run `npm ci` in the repository's root first.");
        }
        return new ResourceSpecification(new ObjectMapper().readTree(NPM_LOCATION.toFile()), newerProperties);
    }

    String version() {
        return version;
    }

    /** Every departure from the specification, one line each; empty when the template conforms. */
    List<String> problems(Map<String, Object> template) {
        List<String> problems = new ArrayList<>();
        template.keySet().stream().filter(section -> !SECTIONS.contains(section))
                .forEach(section -> problems.add(section + ": not a template section"));
        Map<String, Object> globals = map(template.getOrDefault("Globals", Map.of()));
        globals.forEach((section, values) -> {
            String type = GLOBALS.get(section);
            if (type == null) {
                problems.add("Globals." + section + ": not a Globals section");
            } else {
                map(values).forEach((name, value) -> checkProperty("Globals." + section, type, name, value,
                        problems));
            }
        });
        map(template.getOrDefault("Resources", Map.of())).forEach((logicalId, resource) ->
                checkResource(logicalId, map(resource), globals, problems));
        return problems;
    }

    private void checkResource(String logicalId, Map<String, Object> resource, Map<String, Object> globals,
            List<String> problems) {
        resource.keySet().stream().filter(key -> !RESOURCE_ATTRIBUTES.contains(key))
                .forEach(key -> problems.add(logicalId + "." + key + ": not a resource attribute"));
        String type = String.valueOf(resource.get("Type"));
        JsonNode spec = resourceTypes.path(type);
        if (spec.isMissingNode()) {
            problems.add(logicalId + ": unknown resource type " + type);
            return;
        }
        Map<String, Object> properties = map(resource.getOrDefault("Properties", Map.of()));
        properties.forEach((name, value) -> checkProperty(logicalId, type, name, value, problems));
        Map<String, Object> global = globals.entrySet().stream()
                .filter(section -> type.equals(GLOBALS.get(section.getKey())))
                .map(section -> map(section.getValue())).findFirst().orElse(Map.of());
        spec.path("Properties").fields().forEachRemaining(property -> {
            if (property.getValue().path("Required").asBoolean() && !properties.containsKey(property.getKey())
                    && !global.containsKey(property.getKey())) {
                problems.add(logicalId + ": required property " + property.getKey() + " is missing");
            }
        });
    }

    private void checkProperty(String where, String type, String name, Object value, List<String> problems) {
        JsonNode spec = resourceTypes.path(type).path("Properties").path(name);
        if (spec.isMissingNode()) {
            spec = newerProperties.getOrDefault(type + "." + name, spec);
        }
        if (spec.isMissingNode()) {
            problems.add(where + "." + name + ": " + type + " has no property " + name);
            return;
        }
        problems.addAll(valueProblems(where + "." + name, type, spec, value));
    }

    /** What is wrong with {@code value} as the property {@code spec} describes; {@code owner} scopes its types. */
    private List<String> valueProblems(String where, String owner, JsonNode spec, Object value) {
        if (isIntrinsic(value)) {
            return List.of();
        }
        List<List<String>> alternatives = new ArrayList<>();
        if (spec.has("PrimitiveType")) {
            alternatives.add(primitiveProblems(where, spec.get("PrimitiveType").asText(), value));
        }
        spec.path("PrimitiveTypes").forEach(primitive ->
                alternatives.add(primitiveProblems(where, primitive.asText(), value)));
        spec.path("Types").forEach(alternative ->
                alternatives.add(objectProblems(where, owner, alternative.asText(), value)));
        if (spec.has("InclusivePrimitiveItemTypes") || spec.has("InclusiveItemTypes")) {
            alternatives.add(itemsProblems(where, owner, spec, value, true));
        }
        String kind = spec.path("Type").asText("");
        if (kind.equals("List") || kind.equals("Map")) {
            alternatives.add(itemsProblems(where, owner, spec, value, kind.equals("List")));
        } else if (!kind.isEmpty()) {
            alternatives.add(objectProblems(where, owner, kind, value));
        }
        // A value that fits no alternative is reported as the one it comes closest to.
        return alternatives.stream().min(java.util.Comparator.comparingInt(List::size)).orElse(List.of());
    }

    private List<String> itemsProblems(String where, String owner, JsonNode spec, Object value, boolean list) {
        if (list ? !(value instanceof List) : !(value instanceof Map)) {
            return List.of(where + ": expected a " + (list ? "list" : "map"));
        }
        JsonNode item = itemSpec(spec);
        List<String> problems = new ArrayList<>();
        if (value instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                problems.addAll(valueProblems(where + "[" + i + "]", owner, item, items.get(i)));
            }
        } else {
            map(value).forEach((key, entry) -> problems.addAll(valueProblems(where + "." + key, owner, item, entry)));
        }
        return problems;
    }

    /** The specification of one item of a list or map property, in the same shape as a property's. */
    private static JsonNode itemSpec(JsonNode spec) {
        var item = JsonNodeFactory.instance.objectNode();
        if (spec.has("PrimitiveItemType")) {
            item.set("PrimitiveType", spec.get("PrimitiveItemType"));
        }
        if (spec.has("ItemType")) {
            item.set("Type", spec.get("ItemType"));
        }
        if (spec.has("InclusivePrimitiveItemTypes")) {
            item.set("PrimitiveTypes", spec.get("InclusivePrimitiveItemTypes"));
        }
        if (spec.has("InclusiveItemTypes")) {
            item.set("Types", spec.get("InclusiveItemTypes"));
        }
        return item;
    }

    /** {@code typeName} is the owner's ({@code KeySchema}), shared ({@code Tag}) or qualified ({@code A::B::C.D}). */
    private List<String> objectProblems(String where, String owner, String typeName, Object value) {
        if (typeName.contains("::")) {
            owner = typeName.substring(0, typeName.lastIndexOf('.'));
            typeName = typeName.substring(typeName.lastIndexOf('.') + 1);
        }
        JsonNode type = propertyTypes.path(owner + "." + typeName);
        if (type.isMissingNode()) {
            type = propertyTypes.path(typeName);
        }
        if (type.isMissingNode()) {
            return List.of(where + ": the specification has no type " + typeName);
        }
        if (type.has("PrimitiveType")) {
            return primitiveProblems(where, type.get("PrimitiveType").asText(), value);
        }
        if (!(value instanceof Map)) {
            return List.of(where + ": expected an object (" + typeName + ")");
        }
        List<String> problems = new ArrayList<>();
        JsonNode properties = type.path("Properties");
        String scope = owner;
        String shown = typeName;
        map(value).forEach((name, entry) -> {
            if (properties.has(name)) {
                problems.addAll(valueProblems(where + "." + name, scope, chosen(properties.get(name), value), entry));
            } else {
                problems.add(where + "." + name + ": " + shown + " has no property " + name);
            }
        });
        properties.fields().forEachRemaining(property -> {
            if (property.getValue().path("Required").asBoolean() && !map(value).containsKey(property.getKey())) {
                problems.add(where + ": required property " + property.getKey() + " is missing");
            }
        });
        return problems;
    }

    /**
     * SAM's event sources say which of their {@code Properties} types they are by their {@code Type}
     * ({@code SNS} → {@code SNSEvent}); the specification only lists every type it may be.
     */
    private static JsonNode chosen(JsonNode spec, Object owner) {
        if (map(owner).get("Type") instanceof String kind) {
            for (JsonNode candidate : spec.path("Types")) {
                if (candidate.asText().equals(kind + "Event")) {
                    return JsonNodeFactory.instance.objectNode().put("Type", candidate.asText());
                }
            }
        }
        return spec;
    }

    private static List<String> primitiveProblems(String where, String primitive, Object value) {
        boolean fits = switch (primitive) {
            case "String", "Timestamp" -> value instanceof String || value instanceof Number
                    || value instanceof Boolean;
            case "Integer", "Long", "Double" -> value instanceof Number
                    || value instanceof String text && text.matches("-?\\d+(\\.\\d+)?");
            case "Boolean" -> value instanceof Boolean
                    || value instanceof String text && (text.equals("true") || text.equals("false"));
            case "Json" -> value instanceof Map || value instanceof List || value instanceof String;
            default -> false;
        };
        return fits ? List.of() : List.of(where + ": expected " + primitive + ", found " + describe(value));
    }

    private static boolean isIntrinsic(Object value) {
        return value instanceof Map<?, ?> node && node.size() == 1
                && node.keySet().iterator().next() instanceof String key
                && (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::"));
    }

    private static String describe(Object value) {
        return value instanceof Map ? "an object" : value instanceof List ? "a list" : "\"" + value + "\"";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map ? (Map<String, Object>) node : Map.of();
    }
}
