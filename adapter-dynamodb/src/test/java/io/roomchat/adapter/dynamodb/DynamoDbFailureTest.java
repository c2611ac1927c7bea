package io.roomchat.adapter.dynamodb;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.connection;
import static io.roomchat.testkit.Samples.message;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ConnectOutcome;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.DeliveryStatus;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.testkit.DynaliteServer;
import io.roomchat.testkit.Samples;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Infrastructure trouble surfaces as the core's {@link ChatStorageException}, after bounded retries and within
 * the call timeout, and the core turns it into its fixed 500 reply. Each test has its own server.
 */
class DynamoDbFailureTest {
    /** LocalDynamo's settings allow 5 s per call; a refused connection must not take anywhere near that. */
    private static final Duration FAST = Duration.ofSeconds(3);

    @Test
    void every_store_operation_fails_fast_as_a_storage_failure_once_the_server_is_gone() {
        DynaliteServer dynalite = new DynaliteServer();
        dynalite.start();
        try (DynamoDbChatStorage storage = LocalDynamo.storage(dynalite)) {
            ConnectionStore connections = storage.connectionStore();
            MessageStore messages = storage.messageStore();
            Connection known = connection(user());
            connections.add(known);
            RoomName room = room();
            ChatMessage stored = message(room, known.userId(), T0);
            assertThat(messages.insert(stored)).isInstanceOf(InsertOutcome.Stored.class);

            dynalite.stop();

            Map<String, ThrowingCallable> operations = new LinkedHashMap<>();
            operations.put("add", () -> connections.add(connection(user())));
            operations.put("find", () -> connections.find(known.id()));
            operations.put("join", () -> connections.join(known.id(), new Membership(room, new DisplayName("Ada")), 50));
            operations.put("switchTo", () -> connections.switchTo(known.id(), new Membership(room, new DisplayName("A"))));
            operations.put("leave", () -> connections.leave(known.id(), room));
            operations.put("inRoom", () -> connections.inRoom(room));
            operations.put("remove", () -> connections.remove(known.id()));
            operations.put("insert", () -> messages.insert(message(room, known.userId(), T0.plusSeconds(1))));
            operations.put("edit", () -> messages.edit(room, new MessageRef.ById(stored.id()), known.userId(),
                    new MessageChange.Erase(), T0.plusSeconds(1)));
            operations.put("page", () -> messages.page(room, HistoryCursor.latest(), 10));
            operations.put("since", () -> messages.page(room, new HistoryCursor.Since(0), 10));
            operations.put("latestSeq", () -> messages.latestSeq(room));
            operations.forEach((name, operation) -> {
                long started = System.nanoTime();
                assertThatThrownBy(operation).as(name)
                        .isInstanceOf(ChatStorageException.class)
                        .hasCauseInstanceOf(SdkException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as(name).isLessThan(FAST);
            });
        } finally {
            dynalite.stop();
        }
    }

    @Test
    void a_server_answering_500_is_retried_then_reported_and_nothing_is_stored() throws Exception {
        try (FaultyEndpoint endpoint = new FaultyEndpoint(null, call -> FaultyEndpoint.internalError());
             DynamoDbChatStorage storage = storageAt(endpoint)) {
            assertThatThrownBy(() -> storage.messageStore().insert(message(room(), user(), T0)))
                    .isInstanceOf(ChatStorageException.class)
                    .hasMessageContaining("insert message");

            assertThat(endpoint.received()).as("attempts of the first write, the id claim").isEqualTo(3);
        }
    }

    @Test
    void a_throttled_request_is_retried_with_back_off_then_reported() throws Exception {
        try (FaultyEndpoint endpoint = new FaultyEndpoint(null, call -> FaultyEndpoint.throttled());
             DynamoDbChatStorage storage = storageAt(endpoint)) {
            assertThatThrownBy(() -> storage.connectionStore().find(Samples.connectionId()))
                    .isInstanceOf(ChatStorageException.class)
                    .hasMessageContaining("ProvisionedThroughputExceededException");

            assertThat(endpoint.received()).isEqualTo(3);
        }
    }

    @Test
    void throttling_that_passes_within_the_retries_goes_unnoticed() throws Exception {
        DynaliteServer dynalite = new DynaliteServer();
        dynalite.start();
        try (DynamoDbChatStorage direct = LocalDynamo.storage(dynalite);
             FaultyEndpoint endpoint = new FaultyEndpoint(dynalite.endpoint(),
                     FaultyEndpoint.first(2, call -> true, FaultyEndpoint.throttled()));
             DynamoDbChatStorage storage = storageAt(endpoint)) {
            Connection connection = connection(user());

            storage.connectionStore().add(connection);

            assertThat(direct.connectionStore().find(connection.id())).contains(connection);
            assertThat(endpoint.received()).isEqualTo(3);
        } finally {
            dynalite.stop();
        }
    }

    @Test
    void a_server_that_hangs_is_given_up_on_within_the_call_timeout() throws Exception {
        try (FaultyEndpoint endpoint = new FaultyEndpoint(null, call -> FaultyEndpoint.stall(Duration.ofSeconds(30)));
             DynamoDbChatStorage storage = DynamoDbChatStorage.builder()
                     .settings(LocalDynamo.settings(endpoint.endpoint())
                             .withRetries(3, Duration.ofMillis(300), Duration.ofSeconds(2)))
                     .build()) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> storage.messageStore().page(room(), HistoryCursor.latest(), 10))
                    .isInstanceOf(ChatStorageException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void a_missing_table_is_a_storage_failure() {
        DynaliteServer dynalite = new DynaliteServer();
        dynalite.start();
        try (DynamoDbChatStorage storage = DynamoDbChatStorage.builder()
                .settings(LocalDynamo.settings(dynalite.endpoint()).withTables("no-such-connections", "no-such-messages"))
                .build()) {
            assertThatThrownBy(() -> storage.connectionStore().find(Samples.connectionId()))
                    .isInstanceOf(ChatStorageException.class)
                    .hasMessageContaining("ResourceNotFoundException");
        } finally {
            dynalite.stop();
        }
    }

    @Test
    void through_the_core_a_storage_failure_is_the_fixed_500_reply() {
        DynaliteServer dynalite = new DynaliteServer();
        dynalite.start();
        try (DynamoDbChatStorage storage = LocalDynamo.storage(dynalite)) {
            ChatCore core = ChatCore.builder()
                    .connectionStore(storage.connectionStore())
                    .messageStore(storage.messageStore())
                    .readPositions(storage.readPositions())
                    .gateway((to, delivery) -> CompletableFuture.completedFuture(DeliveryStatus.DELIVERED))
                    .tokenVerifier(token -> new TokenVerification.Verified(new Identity(new UserId(token))))
                    .build();
            var caller = ((ConnectOutcome.Accepted) core.connect(Samples.connectionId(), "ada", Protocol.V1)).connection().id();
            RoomName room = room();
            assertThat(core.handle(caller, new JoinRoomCommand(room, new DisplayName("Ada"))).isOk()).isTrue();

            dynalite.stop();
            Reply failed = core.handle(caller, new PostMessageCommand(room, new MessageText("lost?")));

            assertThat(failed).isEqualTo(Reply.internalError());
            assertThat(failed.body()).doesNotContain("Exception");
        } finally {
            dynalite.stop();
        }
    }

    private static DynamoDbChatStorage storageAt(FaultyEndpoint endpoint) {
        return DynamoDbChatStorage.builder().settings(LocalDynamo.settings(endpoint.endpoint())).build();
    }
}
