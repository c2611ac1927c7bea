package io.roomchat.adapter.dynamodb;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.connection;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.JoinOutcome;
import io.roomchat.testkit.Samples;
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
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
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

    private static Map<String, AttributeValue> storedItem(String key) {
        return DYNAMO.raw().getItem(get -> get.tableName(DynamoDbSettings.DEFAULT_CONNECTIONS_TABLE)
                .key(Map.of("connectionId", AttributeValue.fromS(key))).consistentRead(true))
                .item();
    }

    private static Map<String, AttributeValue> storedItem(Connection connection) {
        return storedItem(connection.id().value());
    }

    @Test
    void a_record_has_the_original_attributes_with_its_protocol_and_rooms_and_expires_two_hours_and_a_margin_after_connecting() {
        Connection connection = Connection.opened(Samples.connectionId(), user(), T0, Protocol.V2);
        DYNAMO.storage().connectionStore().add(connection);
        RoomName room = room();
        DYNAMO.storage().connectionStore().join(connection.id(), new Membership(room, new DisplayName("Ada")), 50);

        Map<String, AttributeValue> item = storedItem(connection);

        assertThat(item).containsOnlyKeys("connectionId", "userId", "connectedAt", "protocol", "rooms", "expiresAt");
        assertThat(item.get("userId").s()).isEqualTo(connection.userId().value());
        assertThat(item.get("connectedAt").s()).isEqualTo("2026-11-27T18:38:45.123Z");
        assertThat(item.get("protocol").n()).isEqualTo("2");
        assertThat(item.get("rooms").m()).isEqualTo(Map.of(room.value(), AttributeValue.fromS("Ada")));
        long expiresAt = Long.parseLong(item.get("expiresAt").n());
        assertThat(expiresAt).isEqualTo(T0.plus(Duration.ofHours(2).plusMinutes(10)).getEpochSecond() + 1);
    }

    @Test
    void a_membership_is_its_own_item_in_the_room_index_and_presence_one_item_per_room_and_user_both_expiring_with_the_record() {
        Connection connection = connection(user());
        DYNAMO.storage().connectionStore().add(connection);
        RoomName room = room();
        DYNAMO.storage().connectionStore().switchTo(connection.id(), new Membership(room, new DisplayName("Ada")));
        String expiresAt = storedItem(connection).get("expiresAt").n();

        Map<String, AttributeValue> membership = storedItem("\u001Fmember\u001F" + room.value() + "\u001F"
                + connection.id().value());
        Map<String, AttributeValue> presence = storedItem("\u001Fpresence\u001F" + room.value() + "\u001F"
                + connection.userId().value());

        assertThat(membership).containsOnlyKeys("connectionId", "room", "member", "userId", "name", "protocol",
                "expiresAt");
        assertThat(membership.get("room").s()).isEqualTo(room.value());
        assertThat(membership.get("member").s()).isEqualTo(connection.id().value());
        assertThat(membership.get("protocol").n()).isEqualTo("1");
        assertThat(membership.get("expiresAt").n()).isEqualTo(expiresAt);
        assertThat(presence).containsOnlyKeys("connectionId", "connections", "expiresAt");
        assertThat(presence.get("connections").ss()).containsExactly(connection.id().value());
        assertThat(presence.get("expiresAt").n()).isEqualTo(expiresAt);
    }

    @Test
    void a_record_has_no_room_attribute_so_the_room_index_lists_only_memberships() {
        Connection connection = connection(user());
        DYNAMO.storage().connectionStore().add(connection);
        DYNAMO.storage().connectionStore().switchTo(connection.id(), new Membership(room(), new DisplayName("Ada")));

        assertThat(storedItem(connection)).doesNotContainKeys("room", "name").containsKey("expiresAt");
    }

    @Test
    void a_record_of_the_release_before_v2_is_a_v1_connection_in_its_room_until_it_switches() {
        ConnectionId id = Samples.connectionId();
        UserId user = user();
        RoomName old = room();
        DYNAMO.raw().putItem(put -> put.tableName(DynamoDbSettings.DEFAULT_CONNECTIONS_TABLE).item(Map.of(
                "connectionId", AttributeValue.fromS(id.value()), "userId", AttributeValue.fromS(user.value()),
                "connectedAt", AttributeValue.fromS(T0.toString()), "room", AttributeValue.fromS(old.value()),
                "name", AttributeValue.fromS("Ada"), "expiresAt", AttributeValue.fromN("1800000000"))));
        ConnectionStore store = DYNAMO.storage().connectionStore();
        Member asStored = new Member(id, user, new DisplayName("Ada"), Protocol.V1);

        assertThat(store.find(id).orElseThrow().rooms()).isEqualTo(Map.of(old, new DisplayName("Ada")));
        assertThat(store.inRoom(old)).containsExactly(asStored);

        RoomName next = room();
        store.switchTo(id, new Membership(next, new DisplayName("Ada")));

        assertThat(store.inRoom(old)).isEmpty();
        assertThat(store.inRoom(next)).containsExactly(asStored);
        assertThat(storedItem(id.value())).doesNotContainKeys("room", "name");
    }

    @Test
    void a_join_racing_its_connections_disconnect_leaves_no_membership_or_presence_behind() {
        Connection connection = Connection.opened(Samples.connectionId(), user(), T0, Protocol.V2);
        ExecutionInterceptor disconnectMeanwhile = new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutItemRequest put && put.item().containsKey("member")) {
                    // The disconnect read the record before the join added this room, then deleted it.
                    DYNAMO.raw().deleteItem(delete -> delete.tableName(DynamoDbSettings.DEFAULT_CONNECTIONS_TABLE)
                            .key(Map.of("connectionId", AttributeValue.fromS(connection.id().value()))));
                }
            }
        };
        RoomName room = room();
        try (DynamoDbClient racing = LocalDynamo.client(LocalDynamo.settings(DYNAMO.server().endpoint()),
                disconnectMeanwhile);
             DynamoDbChatStorage storage = DynamoDbChatStorage.builder().client(racing)
                     .settings(LocalDynamo.settings(DYNAMO.server().endpoint())).build()) {
            storage.connectionStore().add(connection);

            var outcome = storage.connectionStore().join(connection.id(), new Membership(room, new DisplayName("Ada")), 50);

            assertThat(outcome).isInstanceOfSatisfying(JoinOutcome.Joined.class,
                    joined -> assertThat(joined.firstOfUser()).isFalse());
        }
        assertThat(DYNAMO.storage().connectionStore().inRoom(room)).isEmpty();
        assertThat(storedItem("\u001Fpresence\u001F" + room.value() + "\u001F" + connection.userId().value()))
                .doesNotContainKey("connections");
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

        // One per table: connection records and room bans (in the messages table) both expire.
        assertThat(requests).filteredOn(UpdateTimeToLiveRequest.class::isInstance).hasSize(2)
                .allSatisfy(request -> {
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
