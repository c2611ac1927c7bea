package io.roomchat.adapter.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One table as the stores need it: keys, global secondary indexes, time-to-live attribute, on-demand billing. The
 * single source for {@link DynamoDbChatStorage#createTablesIfMissing()} and for the deployment template, which a
 * test compares with it through {@link #differencesFrom(Map)}.
 *
 * @param rangeKey null for a table with a hash key only
 * @param timeToLiveAttribute null for a table whose items never expire
 */
public record TableDefinition(String logicalId, String tableName, KeyAttribute hashKey, KeyAttribute rangeKey,
                              List<GlobalIndex> globalIndexes, String timeToLiveAttribute) {

    public TableDefinition {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(hashKey, "hashKey");
        globalIndexes = List.copyOf(globalIndexes);
    }

    /** A key attribute and its scalar type. */
    public record KeyAttribute(String name, ScalarAttributeType type) {
        public KeyAttribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * A global secondary index.
     *
     * @param rangeKey null for an index with a hash key only
     */
    public record GlobalIndex(String indexName, KeyAttribute hashKey, KeyAttribute rangeKey,
                              ProjectionType projection) {
        public GlobalIndex {
            Objects.requireNonNull(indexName, "indexName");
            Objects.requireNonNull(hashKey, "hashKey");
            Objects.requireNonNull(projection, "projection");
        }

        List<KeySchemaElement> keySchema() {
            return TableDefinition.keySchema(hashKey, rangeKey);
        }
    }

    /** Every key attribute of the table and its indexes, by name: CloudFormation's AttributeDefinitions. */
    public Map<String, ScalarAttributeType> attributeDefinitions() {
        Map<String, ScalarAttributeType> attributes = new TreeMap<>();
        attributes.put(hashKey.name(), hashKey.type());
        if (rangeKey != null) {
            attributes.put(rangeKey.name(), rangeKey.type());
        }
        globalIndexes.forEach(index -> {
            attributes.put(index.hashKey().name(), index.hashKey().type());
            if (index.rangeKey() != null) {
                attributes.put(index.rangeKey().name(), index.rangeKey().type());
            }
        });
        return attributes;
    }

    List<KeySchemaElement> keySchema() {
        return keySchema(hashKey, rangeKey);
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute hashKey, KeyAttribute rangeKey) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(hashKey.name()).keyType(KeyType.HASH).build());
        if (rangeKey != null) {
            schema.add(KeySchemaElement.builder().attributeName(rangeKey.name()).keyType(KeyType.RANGE).build());
        }
        return schema;
    }

    CreateTableRequest createTableRequest() {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributeDefinitions().entrySet().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue())
                                .build())
                        .toList())
                .keySchema(keySchema())
                .globalSecondaryIndexes(globalIndexes.isEmpty() ? null : globalIndexes.stream()
                        .map(index -> GlobalSecondaryIndex.builder()
                                .indexName(index.indexName())
                                .keySchema(index.keySchema())
                                .projection(p -> p.projectionType(index.projection()))
                                .build())
                        .toList())
                .build();
    }

    /**
     * How a CloudFormation {@code AWS::DynamoDB::Table} resource's {@code Properties} (as parsed from YAML or JSON)
     * differ from this definition, one line per difference; empty when they match. The table name is not
     * compared (a template usually lets CloudFormation choose it), nor are properties this definition does not
     * describe (encryption, point-in-time recovery, tags).
     */
    public List<String> differencesFrom(Map<String, ?> properties) {
        List<String> differences = new ArrayList<>();
        compare(differences, "BillingMode", BillingMode.PAY_PER_REQUEST.toString(), properties.get("BillingMode"));
        compare(differences, "AttributeDefinitions", attributeDefinitions().entrySet().stream()
                        .map(a -> a.getKey() + ":" + a.getValue()).collect(TreeSet::new, Set::add, Set::addAll),
                new TreeSet<>(pairs(properties.get("AttributeDefinitions"), "AttributeName", "AttributeType")));
        compare(differences, "KeySchema", keySchema().stream()
                        .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList(),
                pairs(properties.get("KeySchema"), "AttributeName", "KeyType"));
        compare(differences, "GlobalSecondaryIndexes", globalIndexes.stream()
                        .map(i -> i.indexName() + i.keySchema().stream()
                                .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList() + " "
                                + i.projection())
                        .collect(TreeSet::new, Set::add, Set::addAll),
                templateIndexes(properties.get("GlobalSecondaryIndexes")));
        Object ttl = properties.get("TimeToLiveSpecification");
        compare(differences, "TimeToLiveSpecification",
                timeToLiveAttribute == null ? "none" : timeToLiveAttribute + " enabled",
                ttl instanceof Map<?, ?> spec && isTrue(spec.get("Enabled"))
                        ? spec.get("AttributeName") + " enabled" : "none");
        return differences;
    }

    private static void compare(List<String> differences, String property, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(property + ": expected " + expected + " but the template has " + actual);
        }
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    private static List<String> pairs(Object list, String first, String second) {
        List<String> pairs = new ArrayList<>();
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> map) {
                    pairs.add(map.get(first) + ":" + map.get(second));
                }
            }
        }
        return pairs;
    }

    private static Set<String> templateIndexes(Object list) {
        Set<String> indexes = new TreeSet<>();
        if (list instanceof List<?> entries) {
            for (Object entry : entries) {
                if (entry instanceof Map<?, ?> index) {
                    Object projection = index.get("Projection") instanceof Map<?, ?> p ? p.get("ProjectionType") : null;
                    indexes.add(index.get("IndexName") + pairs(index.get("KeySchema"), "AttributeName", "KeyType")
                            .toString() + " " + projection);
                }
            }
        }
        return indexes;
    }

    /** This table as a CloudFormation resource in YAML, indented to sit under a template's {@code Resources:}. */
    public String toCloudFormation() {
        StringBuilder yaml = new StringBuilder();
        yaml.append("  ").append(logicalId).append(":\n")
                .append("    Type: AWS::DynamoDB::Table\n")
                .append("    Properties:\n")
                .append("      BillingMode: ").append(BillingMode.PAY_PER_REQUEST).append('\n')
                .append("      AttributeDefinitions:\n");
        attributeDefinitions().forEach((name, type) -> yaml
                .append("        - AttributeName: ").append(name).append('\n')
                .append("          AttributeType: ").append(type).append('\n'));
        yaml.append("      KeySchema:\n");
        keySchema().forEach(key -> yaml
                .append("        - AttributeName: ").append(key.attributeName()).append('\n')
                .append("          KeyType: ").append(key.keyTypeAsString()).append('\n'));
        if (!globalIndexes.isEmpty()) {
            yaml.append("      GlobalSecondaryIndexes:\n");
            globalIndexes.forEach(index -> {
                yaml.append("        - IndexName: ").append(index.indexName()).append('\n')
                        .append("          KeySchema:\n");
                index.keySchema().forEach(key -> yaml
                        .append("            - AttributeName: ").append(key.attributeName()).append('\n')
                        .append("              KeyType: ").append(key.keyTypeAsString()).append('\n'));
                yaml.append("          Projection:\n")
                        .append("            ProjectionType: ").append(index.projection()).append('\n');
            });
        }
        if (timeToLiveAttribute != null) {
            yaml.append("      TimeToLiveSpecification:\n")
                    .append("        AttributeName: ").append(timeToLiveAttribute).append('\n')
                    .append("        Enabled: true\n");
        }
        return yaml.toString();
    }
}
