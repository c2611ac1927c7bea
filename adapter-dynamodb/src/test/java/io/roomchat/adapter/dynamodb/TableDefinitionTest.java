package io.roomchat.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The table definitions are the one source: of the tables created here, and of the deployment template. */
class TableDefinitionTest {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();

    /** The two table resources, for the SAM template of adapter-aws-lambda to carry. */
    static final Path TEMPLATE_FRAGMENT = Path.of("adapter-aws-lambda", "template-tables.yaml");

    private static final List<TableDefinition> TABLES = DynamoDbChatStorage.tables(
            DynamoDbSettings.DEFAULT_CONNECTIONS_TABLE, DynamoDbSettings.DEFAULT_MESSAGES_TABLE);

    @Test
    void the_connections_table_has_the_original_shape_plus_a_ttl() {
        TableDefinition connections = TABLES.get(0);

        assertThat(connections.hashKey().name()).isEqualTo("connectionId");
        assertThat(connections.rangeKey()).isNull();
        assertThat(connections.globalIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("RoomIndex");
            assertThat(index.hashKey().name()).isEqualTo("room");
            assertThat(index.projection()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(connections.timeToLiveAttribute()).isEqualTo("expiresAt");
    }

    @Test
    void created_tables_are_exactly_the_definitions() {
        for (TableDefinition table : DYNAMO.storage().tables()) {
            TableDescription created = DYNAMO.raw().describeTable(d -> d.tableName(table.tableName())).table();

            assertThat(created.keySchema()).isEqualTo(table.keySchema());
            Map<String, String> attributes = new HashMap<>();
            for (AttributeDefinition attribute : created.attributeDefinitions()) {
                attributes.put(attribute.attributeName(), attribute.attributeTypeAsString());
            }
            Map<String, String> defined = new HashMap<>();
            table.attributeDefinitions().forEach((name, type) -> defined.put(name, type.toString()));
            assertThat(attributes).isEqualTo(defined);
            List<String> indexes = created.hasGlobalSecondaryIndexes()
                    ? created.globalSecondaryIndexes().stream().map(TableDefinitionTest::describe).toList()
                    : List.of();
            assertThat(indexes).containsExactlyInAnyOrderElementsOf(table.globalIndexes().stream()
                    .map(i -> i.indexName() + " " + i.keySchema() + " " + i.projection()).toList());
        }
    }

    private static String describe(GlobalSecondaryIndexDescription index) {
        return index.indexName() + " " + index.keySchema() + " " + index.projection().projectionType();
    }

    @Test
    void the_template_fragment_matches_the_definitions() throws IOException {
        Map<String, Object> resources = templateResources(repositoryFile(TEMPLATE_FRAGMENT));

        for (TableDefinition table : TABLES) {
            assertThat(table.differencesFrom(properties(resources, table.logicalId()))).as(table.logicalId())
                    .isEmpty();
        }
    }

    @Test
    void a_template_that_drifted_is_told_apart_property_by_property() throws IOException {
        TableDefinition connections = TABLES.get(0);
        Map<String, Object> drifted = templateResources(connections.toCloudFormation().replace("ALL", "KEYS_ONLY")
                .replace("AttributeName: expiresAt", "AttributeName: ttl"), true);

        assertThat(connections.differencesFrom(properties(drifted, connections.logicalId())))
                .hasSize(2)
                .anySatisfy(d -> assertThat(d).startsWith("GlobalSecondaryIndexes"))
                .anySatisfy(d -> assertThat(d).startsWith("TimeToLiveSpecification"));
        assertThat(TABLES.get(1).differencesFrom(properties(drifted, connections.logicalId())))
                .as("the messages table is not the connections table").isNotEmpty();
    }

    @Test
    void each_definition_renders_as_a_resource_its_own_comparison_accepts() throws IOException {
        for (TableDefinition table : TABLES) {
            Map<String, Object> resources = templateResources(table.toCloudFormation(), true);

            assertThat(table.differencesFrom(properties(resources, table.logicalId()))).isEmpty();
        }
    }

    static Path repositoryFile(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("not inside the repository");
    }

    private static Map<String, Object> templateResources(Path template) throws IOException {
        return templateResources(Files.readString(template), false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> templateResources(String yaml, boolean fragment) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        Map<String, Object> template = mapper.readValue(fragment ? "Resources:\n" + yaml : yaml, Map.class);
        return (Map<String, Object>) template.get("Resources");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> resources, String logicalId) {
        Map<String, Object> resource = (Map<String, Object>) resources.get(logicalId);
        assertThat(resource).as("resource " + logicalId).isNotNull();
        assertThat(resource.get("Type")).isEqualTo("AWS::DynamoDB::Table");
        return (Map<String, Object>) resource.get("Properties");
    }
}
