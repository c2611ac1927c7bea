package io.roomchat.adapter.dynamodb;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.connection;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ChatStorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

/**
 * Connection records as stored items, and the tables' creation. dynalite never expires items and has no
 * UpdateTimeToLive, so TTL is tested as far as this side goes: the attribute is on every record, with the right
 * value, and table creation asks for TTL on it.
 */
class DynamoDbConnectionRecordsTest {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();

    private static Map<String, AttributeValue> storedItem(Connection connection) {
        return DYNAMO.raw().getItem(get -> get.tableName(DynamoDbSettings.DEFAULT_CONNECTIONS_TABLE)
                .key(Map.of("connectionId", AttributeValue.fromS(connection.id().value()))).consistentRead(true))
                .item();
    }

    @Test
    void a_record_has_the_original_attributes_and_expires_two_hours_and_a_margin_after_connecting() {
        Connection connection = connection(user());
        DYNAMO.storage().connectionStore().add(connection);
        RoomName room = room();
        DYNAMO.storage().connectionStore().join(connection.id(), new Membership(room, new DisplayName("Ada")));

        Map<String, AttributeValue> item = storedItem(connection);

        assertThat(item).containsOnlyKeys("connectionId", "userId", "connectedAt", "room", "name", "expiresAt");
        assertThat(item.get("userId").s()).isEqualTo(connection.userId().value());
        assertThat(item.get("connectedAt").s()).isEqualTo("2026-11-27T18:38:45.123Z");
        assertThat(item.get("room").s()).isEqualTo(room.value());
        assertThat(item.get("name").s()).isEqualTo("Ada");
        long expiresAt = Long.parseLong(item.get("expiresAt").n());
        assertThat(expiresAt).isEqualTo(T0.plus(Duration.ofHours(2).plusMinutes(10)).getEpochSecond() + 1);
    }

    @Test
    void a_record_that_joined_no_room_has_no_room_attribute_so_the_room_index_skips_it() {
        Connection connection = connection(user());
        DYNAMO.storage().connectionStore().add(connection);

        assertThat(storedItem(connection)).doesNotContainKeys("room", "name").containsKey("expiresAt");
    }

    @Test
    void the_record_lifetime_is_configurable_for_servers_whose_sockets_live_longer() {
        try (DynamoDbChatStorage longLived = DynamoDbChatStorage.builder().client(DYNAMO.raw())
                .settings(LocalDynamo.settings(DYNAMO.server().endpoint()))
                .connectionLifetime(Duration.ofDays(30)).build()) {
            Connection connection = connection(user());
            longLived.connectionStore().add(connection);

            assertThat(Long.parseLong(storedItem(connection).get("expiresAt").n()))
                    .isEqualTo(T0.plus(Duration.ofDays(30)).getEpochSecond() + 1);
        }
        assertThat(DYNAMO.raw().listTables().tableNames()).as("a client passed in stays open").isNotEmpty();
    }

    @Test
    void creating_the_tables_asks_for_ttl_on_expires_at_and_survives_an_endpoint_without_ttl() {
        List<SdkRequest> requests = new ArrayList<>();
        ExecutionInterceptor recorder = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                requests.add(context.request());
            }
        };
        try (DynamoDbClient recorded = LocalDynamo.client(LocalDynamo.settings(DYNAMO.server().endpoint()), recorder);
             DynamoDbChatStorage again = DynamoDbChatStorage.builder().client(recorded)
                     .settings(LocalDynamo.settings(DYNAMO.server().endpoint())).build()) {
            again.createTablesIfMissing();
        }

        assertThat(requests).filteredOn(UpdateTimeToLiveRequest.class::isInstance).singleElement()
                .satisfies(request -> {
                    var ttl = ((UpdateTimeToLiveRequest) request).timeToLiveSpecification();
                    assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                    assertThat(ttl.enabled()).isTrue();
                });
    }

    @Test
    void creating_tables_that_exist_keeps_their_data() {
        Connection connection = connection(user());
        DYNAMO.storage().connectionStore().add(connection);

        DYNAMO.storage().createTablesIfMissing();

        assertThat(DYNAMO.storage().connectionStore().find(connection.id())).contains(connection);
    }

    @Test
    void a_table_that_exists_with_other_keys_is_reported_at_creation() {
        DYNAMO.raw().createTable(create -> create.tableName("connections-of-another-shape")
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        try (DynamoDbChatStorage misfit = DynamoDbChatStorage.builder().settings(LocalDynamo
                .settings(DYNAMO.server().endpoint()).withTables("connections-of-another-shape", "messages-of-misfit"))
                .build()) {
            assertThatThrownBy(misfit::createTablesIfMissing)
                    .isInstanceOf(ChatStorageException.class)
                    .hasMessageContaining("connections-of-another-shape");
        }
    }
}
