package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.adapter.dynamodb.DynamoDbChatStorage;
import io.roomchat.adapter.dynamodb.TableDefinition;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SAM template against what the build made: every handler it names is in the deployment package and is a
 * Lambda {@code RequestHandler}; its tables are the DynamoDB adapter's; every route has a function; every
 * reference resolves; and each function's policy names only the actions and resources it needs.
 */
class SamTemplateIT {
    private static final Path TEMPLATE = Path.of("template.yaml");
    private static final String FRAMES = "io.roomchat.adapter.lambda.boot.FrameHandler";
    private static final Map<String, String> ROUTE_HANDLERS = Map.ofEntries(
            Map.entry("$connect", "io.roomchat.adapter.lambda.boot.ConnectHandler"),
            Map.entry("$disconnect", "io.roomchat.adapter.lambda.boot.DisconnectHandler"),
            Map.entry("onJoin", FRAMES), Map.entry("onMessage", FRAMES), Map.entry("onHistory", FRAMES),
            Map.entry("onLeave", FRAMES), Map.entry("onTyping", FRAMES), Map.entry("onRead", FRAMES),
            Map.entry("onPresence", FRAMES), Map.entry("onKick", FRAMES), Map.entry("$default", FRAMES));
    private static final int FUNCTIONS = 13;
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::Region", "AWS::AccountId", "AWS::StackName",
            "AWS::NoValue", "AWS::Partition", "AWS::URLSuffix");

    private static Map<String, Object> template;
    private static Map<String, Map<String, Object>> resources;

    @BeforeAll
    static void read() throws IOException {
        template = CloudFormationYaml.read(TEMPLATE);
        resources = map(template.get("Resources"));
    }

    @Test
    void every_function_handler_is_a_request_handler_in_the_deployment_package() throws Exception {
        Path codeUri = Path.of(string(map(map(template.get("Globals")).get("Function")).get("CodeUri")));
        assertThat(codeUri).exists();
        List<String> handlers = functions().values().stream()
                .map(function -> string(properties(function).get("Handler"))).toList();
        assertThat(handlers).hasSize(FUNCTIONS);

        try (URLClassLoader jar = new URLClassLoader(new URL[] {codeUri.toUri().toURL()}, null)) {
            Class<?> requestHandler = jar.loadClass("com.amazonaws.services.lambda.runtime.RequestHandler");
            for (String handler : handlers) {
                assertThat(handler).endsWith("::handleRequest");
                Class<?> type = jar.loadClass(handler.substring(0, handler.indexOf("::")));
                assertThat(requestHandler.isAssignableFrom(type)).as(handler + " implements RequestHandler").isTrue();
                assertThat(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()))
                        .as(handler + " is a public concrete class").isTrue();
                assertThat(type.getConstructor().getParameterCount()).as(handler + " has a public no-arg constructor")
                        .isZero();
            }
        }
    }

    @Test
    void the_deployment_package_carries_no_netty_and_no_apache_http_client() throws IOException {
        try (ZipFile jar = new ZipFile(Path.of("target", "chat-lambda.jar").toFile())) {
            assertThat(jar.stream().map(java.util.zip.ZipEntry::getName))
                    .noneMatch(name -> name.startsWith("io/netty/"))
                    .noneMatch(name -> name.startsWith("org/apache/http/"))
                    .noneMatch(name -> name.startsWith("software/amazon/awssdk/http/nio/netty/"))
                    .noneMatch(name -> name.startsWith("software/amazon/awssdk/http/apache/"))
                    .anyMatch(name -> name.startsWith("software/amazon/awssdk/http/urlconnection/"));
        }
    }

    @Test
    void every_route_goes_to_the_function_with_its_handler() {
        Map<String, Object> api = properties(resources.get("ChatWebSocketApi"));
        assertThat(api).containsEntry("ProtocolType", "WEBSOCKET")
                .containsEntry("RouteSelectionExpression", "$request.body.action");

        Map<String, String> handlerByRoute = new TreeMap<>();
        resources.forEach((id, resource) -> {
            if ("AWS::ApiGatewayV2::Route".equals(resource.get("Type"))) {
                Map<String, Object> route = properties(resource);
                String integration = subReferences(route.get("Target")).iterator().next();
                // !Sub [".../functions/${Alias}/invocations", {Alias: !Ref <Function>.Alias}]: the routes invoke the
                // alias that SnapStart's published versions sit behind.
                List<?> sub = (List<?>) map(properties(resources.get(integration)).get("IntegrationUri")).get("Fn::Sub");
                assertThat(string(sub.get(0))).endsWith("/functions/${Alias}/invocations");
                String alias = string(map(map(sub.get(1)).get("Alias")).get("Ref"));
                assertThat(alias).endsWith(".Alias");
                String function = alias.substring(0, alias.length() - ".Alias".length());
                handlerByRoute.put(string(route.get("RouteKey")),
                        string(properties(resources.get(function)).get("Handler")).replace("::handleRequest", ""));
            }
        });

        assertThat(handlerByRoute).isEqualTo(new TreeMap<>(ROUTE_HANDLERS));
    }

    @Test
    void the_server_api_is_one_throttled_http_route_of_any_method_to_its_own_function() {
        Map<String, Object> api = resources.get("ChatServerApi");
        assertThat(api.get("Type")).isEqualTo("AWS::Serverless::HttpApi");
        Map<String, Object> throttling = map(properties(api).get("DefaultRouteSettings"));
        assertThat(throttling).containsEntry("ThrottlingRateLimit", Map.of("Ref", "ServerApiRatePerSecond"))
                .containsEntry("ThrottlingBurstLimit", Map.of("Ref", "ServerApiBurst"));

        List<String> routed = new ArrayList<>();
        functions().forEach((id, function) -> {
            Object events = properties(function).get("Events");
            if (events == null) {
                return;
            }
            map(events).values().forEach(event -> {
                if ("HttpApi".equals(map(event).get("Type"))) {
                    Map<String, Object> route = properties(map(event));
                    assertThat(route).containsEntry("ApiId", Map.of("Ref", "ChatServerApi"))
                            .containsEntry("Path", "/api/rooms/{room}/messages")
                            .containsEntry("Method", "ANY")
                            .containsEntry("PayloadFormatVersion", "2.0");
                    routed.add(string(properties(function).get("Handler")));
                }
            });
        });
        assertThat(routed).containsExactly("io.roomchat.adapter.lambda.boot.ServerApiHandler::handleRequest");
        assertThat(map(map(template.get("Outputs")).get("ServerApiUrl"))).containsKey("Value");
    }

    @Test
    void the_tables_are_the_dynamodb_adapters() {
        List<TableDefinition> tables = DynamoDbChatStorage.tables("chat-connections", "chat-messages");
        assertThat(tables).isNotEmpty();
        for (TableDefinition table : tables) {
            Map<String, Object> resource = resources.get(table.logicalId());
            assertThat(resource).as(table.logicalId()).isNotNull();
            assertThat(resource.get("Type")).isEqualTo("AWS::DynamoDB::Table");
            assertThat(table.differencesFrom(properties(resource))).as(table.logicalId()).isEmpty();
        }
    }

    @Test
    void fan_out_is_an_sns_topic_whose_subscriber_is_the_fan_out_function() {
        assertThat(resources.get("FanoutTopic").get("Type")).isEqualTo("AWS::SNS::Topic");
        Map<String, Object> fanout = resources.get("FanoutFunction");
        assertThat(string(properties(fanout).get("Handler")))
                .isEqualTo("io.roomchat.adapter.lambda.boot.FanoutHandler::handleRequest");
        Map<String, Object> event = map(map(properties(fanout).get("Events")).get("Published"));
        assertThat(event.get("Type")).isEqualTo("SNS");
        assertThat(map(event.get("Properties")).get("Topic")).isEqualTo(Map.of("Ref", "FanoutTopic"));
    }

    @Test
    void functions_start_from_snapstart_snapshots_and_know_their_tables_and_endpoint() {
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        assertThat(map(globals.get("SnapStart"))).containsEntry("ApplyOn", "PublishedVersions");
        assertThat(globals).containsKey("AutoPublishAlias");
        assertThat(globals.get("Runtime")).isEqualTo("java17");
        Map<String, Object> variables = map(map(globals.get("Environment")).get("Variables"));
        assertThat(variables.get("CONNECTIONS_TABLE")).isEqualTo(Map.of("Ref", "ConnectionsTable"));
        assertThat(variables.get("MESSAGES_TABLE")).isEqualTo(Map.of("Ref", "MessagesTable"));
        assertThat(variables).containsKeys("CHAT_CALLBACK_URL", "CHAT_FANOUT", "CHAT_TOPIC_ARN");
    }

    @Test
    void the_connect_function_reads_the_access_claims_under_the_names_the_stack_is_given() {
        Map<String, Object> variables = map(map(properties(resources.get("ConnectFunction")).get("Environment"))
                .get("Variables"));
        Map<String, Map<String, Object>> parameters = map(template.get("Parameters"));

        assertThat(variables).containsEntry("CHAT_ROOMS_CLAIM", Map.of("Ref", "RoomsClaim"))
                .containsEntry("CHAT_MODERATOR_CLAIM", Map.of("Ref", "ModeratorClaim"));
        assertThat(parameters.get("RoomsClaim")).containsEntry("Default", "rooms");
        assertThat(parameters.get("ModeratorClaim")).containsEntry("Default", "mod");
    }

    @Test
    void only_the_connect_and_server_api_functions_hold_the_token_key_and_it_comes_from_secrets_manager_by_reference() {
        Map<String, Object> globals = map(map(map(template.get("Globals")).get("Function")).get("Environment"));
        assertThat(map(globals.get("Variables")).keySet()).noneMatch(name -> name.startsWith("CHAT_JWT")
                || name.startsWith("CHAT_JWKS"));
        functions().forEach((id, function) -> {
            boolean verifiesTokens = id.equals("ConnectFunction") || id.equals("ServerApiFunction");
            Object environment = properties(function).get("Environment");
            Set<String> variables = environment == null ? Set.of() : map(map(environment).get("Variables")).keySet();
            assertThat(variables.contains("CHAT_JWT_SECRET")).as(id + " holds the key").isEqualTo(verifiesTokens);
        });

        for (String verifier : List.of("ConnectFunction", "ServerApiFunction")) {
            Map<String, Object> variables = map(map(properties(resources.get(verifier)).get("Environment"))
                    .get("Variables"));
            List<?> branches = (List<?>) map(variables.get("CHAT_JWT_SECRET")).get("Fn::If");
            assertThat(branches.get(0)).isEqualTo("UseSharedSecret");
            assertThat(map(branches.get(1)).get("Fn::Sub"))
                    .isEqualTo("{{resolve:secretsmanager:${JwtSecretName}:SecretString}}");
            assertThat(branches.get(2)).isEqualTo(Map.of("Ref", "AWS::NoValue"));
            // The server API checks tokens exactly as $connect does: the same keys, issuer and audience.
            assertThat(variables).as(verifier).containsEntry("CHAT_JWKS_URL", Map.of("Ref", "JwksUrl"))
                    .containsEntry("CHAT_JWT_ISSUER", Map.of("Ref", "JwtIssuer"))
                    .containsEntry("CHAT_JWT_AUDIENCE", Map.of("Ref", "JwtAudience"));
        }
        // The key is never a parameter's value: the stack only knows the secret's name.
        Map<String, Map<String, Object>> parameters = map(template.get("Parameters"));
        assertThat(parameters).doesNotContainKey("JwtSecret");
        assertThat(parameters.values()).noneMatch(parameter -> Boolean.TRUE.equals(parameter.get("NoEcho"))
                || "true".equals(parameter.get("NoEcho")));
    }

    @Test
    void each_function_may_post_to_or_close_connections_only_as_its_work_needs() {
        String connections = "arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${ChatWebSocketApi}/${StageName}/";
        Set<String> postOnly = Set.of(connections + "POST/@connections/*");
        Set<String> postAndClose = Set.of(connections + "POST/@connections/*", connections + "DELETE/@connections/*");
        Map<String, Set<String>> expected = new HashMap<>(Map.of(
                "ConnectFunction", Set.of(),
                "DisconnectFunction", Set.of(),
                "FanoutFunction", postAndClose,
                "ServerApiFunction", postOnly));
        for (String frames : List.of("Join", "Message", "History", "Leave", "Typing", "Read", "Presence", "Kick",
                "Default")) {
            expected.put(frames + "Function", postAndClose);
        }
        functions().forEach((id, function) -> {
            Set<String> resourcesAllowed = new HashSet<>();
            for (Map<String, Object> statement : statements(properties(function).get("Policies"))) {
                if (strings(statement.get("Action")).contains("execute-api:ManageConnections")) {
                    Object resource = statement.get("Resource");
                    for (Object one : resource instanceof List<?> list ? list : List.of(resource)) {
                        resourcesAllowed.add(string(map(one).get("Fn::Sub")));
                    }
                }
            }
            assertThat(resourcesAllowed).as(id).isEqualTo(expected.get(id));
        });
    }

    @Test
    void every_function_has_a_reserved_concurrency_parameter_that_by_default_reserves_none() {
        Map<String, Map<String, Object>> parameters = map(template.get("Parameters"));
        Map<String, Object> conditions = map(template.get("Conditions"));
        assertThat(functions()).hasSize(FUNCTIONS);
        functions().forEach((id, function) -> {
            String name = id.replace("Function", "");
            String parameter = name + "ReservedConcurrency";
            List<Object> reserved = new ArrayList<>(
                    (List<?>) map(properties(function).get("ReservedConcurrentExecutions")).get("Fn::If"));
            assertThat(reserved).as(id).containsExactly("Reserve" + name, Map.of("Ref", parameter),
                    Map.of("Ref", "AWS::NoValue"));
            assertThat(parameters.get(parameter)).as(parameter)
                    .containsEntry("Type", "Number").containsEntry("Default", -1).containsEntry("MinValue", -1);
            assertThat(conditions.get("Reserve" + name)).as("Reserve" + name)
                    .isEqualTo(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", parameter), "-1")))));
        });
    }

    @Test
    void every_function_is_traced_with_x_ray() {
        assertThat(map(map(template.get("Globals")).get("Function"))).containsEntry("Tracing", "Active");
        functions().forEach((id, function) ->
                assertThat(properties(function).getOrDefault("Tracing", "Active")).as(id).isEqualTo("Active"));
    }

    @Test
    void each_function_has_its_own_policy_without_wildcard_actions_or_resources() {
        // Their events go through the fan-out topic (sns:Publish, with SNS fan-out) or straight to the room.
        Set<String> fansOut = Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                "dynamodb:Query", "sns:Publish", "execute-api:ManageConnections");
        Map<String, Set<String>> expected = Map.ofEntries(
                Map.entry("LeaveFunction", fansOut),
                // A kick finds the user's connections in the room index, takes each out and tells the room.
                Map.entry("KickFunction", fansOut),
                Map.entry("TypingFunction", fansOut),
                Map.entry("ReadFunction", fansOut),
                Map.entry("PresenceFunction", Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:Query",
                        "execute-api:ManageConnections")),
                Map.entry("ConnectFunction", Set.of("dynamodb:PutItem")),
                // Leaving rooms writes the record, memberships and presence sets and lists the room (presence).
                Map.entry("DisconnectFunction", Set.of("dynamodb:DeleteItem", "dynamodb:UpdateItem",
                        "dynamodb:Query", "sns:Publish")),
                // Every function that answers frames keeps the caller's frame budget: GetItem and UpdateItem.
                Map.entry("JoinFunction", Set.of("dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:PutItem",
                        "dynamodb:DeleteItem", "dynamodb:Query", "sns:Publish", "execute-api:ManageConnections")),
                Map.entry("MessageFunction", Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem", "dynamodb:Query", "sns:Publish", "execute-api:ManageConnections")),
                Map.entry("HistoryFunction", Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:Query",
                        "execute-api:ManageConnections")),
                Map.entry("DefaultFunction", Set.of("dynamodb:GetItem", "dynamodb:UpdateItem",
                        "execute-api:ManageConnections")),
                // Presence leaves of departures (gone, kicked) go through the topic; a kicked v1 socket is closed.
                Map.entry("FanoutFunction", Set.of("dynamodb:Query", "dynamodb:DeleteItem", "dynamodb:UpdateItem",
                        "sns:Publish", "execute-api:ManageConnections")),
                // Stores as onMessage does; fans out by SNS, or directly (members, gone ones removed, POST only).
                Map.entry("ServerApiFunction", Set.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem", "dynamodb:Query", "sns:Publish", "execute-api:ManageConnections")));
        functions().forEach((id, function) -> {
            List<Map<String, Object>> statements = statements(properties(function).get("Policies"));
            Set<String> actions = new HashSet<>();
            for (Map<String, Object> statement : statements) {
                actions.addAll(strings(statement.get("Action")));
                assertThat(statement.get("Resource")).as(id + " resource").isNotEqualTo("*");
            }
            assertThat(actions).as(id).isEqualTo(expected.get(id)).noneMatch(action -> action.endsWith("*"));
        });
    }

    @Test
    void the_v2_functions_touch_only_the_tables_and_indexes_their_action_needs() {
        String connections = "ConnectionsTable.Arn";
        String roomIndex = "${ConnectionsTable.Arn}/index/RoomIndex";
        String messages = "MessagesTable.Arn";
        // A recipient found gone is disconnected (DeleteItem); only onRead touches the messages table: the message
        // it names (GetItem) and the user's read position item, only ever raised (UpdateItem).
        Map<String, Set<String>> fansOut = Map.of(
                connections, Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
                roomIndex, Set.of("dynamodb:Query"));
        Map<String, Map<String, Set<String>>> expected = Map.of(
                // A publisher has no connection: nothing reads the connections table, only direct fan-out's
                // removal of a gone member writes it.
                "ServerApiFunction", Map.of(
                        messages, Set.of("dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem",
                                "dynamodb:DeleteItem"),
                        connections, Set.of("dynamodb:DeleteItem", "dynamodb:UpdateItem"),
                        roomIndex, Set.of("dynamodb:Query")),
                "LeaveFunction", fansOut,
                // A kick with minutes stores a ban in the messages table.
                "KickFunction", Map.of(
                        connections, Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
                        messages, Set.of("dynamodb:UpdateItem"),
                        roomIndex, Set.of("dynamodb:Query")),
                "TypingFunction", fansOut,
                "ReadFunction", Map.of(
                        connections, Set.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
                        messages, Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                        roomIndex, Set.of("dynamodb:Query")),
                "PresenceFunction", Map.of(
                        connections, Set.of("dynamodb:GetItem", "dynamodb:UpdateItem"),
                        roomIndex, Set.of("dynamodb:Query")));

        expected.forEach((id, allowed) -> assertThat(dynamoDbGrants(resources.get(id))).as(id).isEqualTo(allowed));
    }

    /** Each DynamoDB resource a function's policies name ({@code !GetAtt} or {@code !Sub}), with its actions. */
    private static Map<String, Set<String>> dynamoDbGrants(Map<String, Object> function) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (Map<String, Object> statement : statements(properties(function).get("Policies"))) {
            List<String> actions = strings(statement.get("Action")).stream()
                    .filter(action -> action.startsWith("dynamodb:")).toList();
            if (actions.isEmpty()) {
                continue;
            }
            Object resource = statement.get("Resource");
            for (Object one : resource instanceof List<?> list ? list : List.of(resource)) {
                Map<String, Object> reference = map(one);
                String name = reference.containsKey("Fn::GetAtt")
                        ? String.join(".", strings(reference.get("Fn::GetAtt")))
                        : string(reference.get("Fn::Sub"));
                grants.computeIfAbsent(name, key -> new HashSet<>()).addAll(actions);
            }
        }
        return grants;
    }

    @Test
    void every_reference_names_a_resource_a_parameter_or_a_pseudo_parameter() {
        Set<String> known = new HashSet<>(resources.keySet());
        known.addAll(map(template.get("Parameters")).keySet());
        known.addAll(PSEUDO_PARAMETERS);
        Set<String> conditions = map(template.get("Conditions")).keySet();

        List<String> unknown = new ArrayList<>();
        walk(template, node -> {
            if (node.get("Ref") instanceof String ref && !known.contains(ref.replace(".Alias", ""))) {
                unknown.add("Ref " + ref);
            }
            if (node.get("Fn::GetAtt") instanceof List<?> getAtt && !known.contains(String.valueOf(getAtt.get(0)))) {
                unknown.add("GetAtt " + getAtt);
            }
            if (node.containsKey("Fn::Sub")) {
                Set<String> local = node.get("Fn::Sub") instanceof List<?> withVariables
                        ? map(withVariables.get(1)).keySet() : Set.of();
                subReferences(node).stream().filter(name -> !known.contains(name) && !local.contains(name))
                        .forEach(name -> unknown.add("Sub " + name));
            }
            if (node.get("Fn::If") instanceof List<?> branches && !conditions.contains(String.valueOf(branches.get(0)))) {
                unknown.add("If " + branches.get(0));
            }
        });
        assertThat(unknown).isEmpty();
    }

    // ---------------------------------------------------------------- reading the template

    private static Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> functions = new TreeMap<>();
        resources.forEach((id, resource) -> {
            if ("AWS::Serverless::Function".equals(resource.get("Type"))) {
                functions.put(id, resource);
            }
        });
        return functions;
    }

    private static Set<String> subReferences(Object sub) {
        Object text = sub instanceof Map<?, ?> node ? node.get("Fn::Sub") : sub;
        if (text instanceof List<?> withVariables) {
            text = withVariables.get(0);
        }
        Set<String> names = new HashSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Za-z0-9:]+)(?:\\.[A-Za-z]+)?}").matcher(String.valueOf(text));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The policy statements of a function, with {@code Fn::If} branches (conditional policies) included. */
    private static List<Map<String, Object>> statements(Object policies) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Object policy : (List<?>) policies) {
            Map<String, Object> document = map(policy);
            if (document.get("Fn::If") instanceof List<?> branches) {
                document = map(branches.get(1));
            }
            for (Object statement : (List<?>) document.get("Statement")) {
                statements.add(map(statement));
            }
        }
        return statements;
    }

    private static void walk(Object node, java.util.function.Consumer<Map<String, Object>> visit) {
        if (node instanceof Map<?, ?> mapNode) {
            visit.accept(map(mapNode));
            mapNode.values().forEach(child -> walk(child, visit));
        } else if (node instanceof Collection<?> list) {
            list.forEach(child -> walk(child, visit));
        }
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, V>) node;
    }

    private static String string(Object node) {
        assertThat(node).isInstanceOf(String.class);
        return (String) node;
    }

    private static List<String> strings(Object node) {
        return node instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(node));
    }
}
