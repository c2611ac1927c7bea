package io.roomchat.adapter.dynamodb;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.message;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.Concurrently;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The uniqueness design without transactions: id claims, and conditional writes that recognise their own retried
 * success. Faults come from a {@link FaultyEndpoint} in front of dynalite.
 */
class DynamoDbMessageWritesTest {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();

    private static MessageStore store() {
        return DYNAMO.storage().messageStore();
    }

    private static List<ChatMessage> history(RoomName room) {
        return store().page(room, HistoryCursor.latest(), 100).messages();
    }

    /** A message store whose requests pass through a faulty endpoint on their way to dynalite. */
    private static <T> T throughFaults(Function<FaultyEndpoint.Call, FaultyEndpoint.Fault> faults,
                                       Function<MessageStore, T> work) throws Exception {
        try (FaultyEndpoint endpoint = new FaultyEndpoint(DYNAMO.server().endpoint(), faults);
             DynamoDbChatStorage faulty = DynamoDbChatStorage.builder()
                     .settings(LocalDynamo.settings(endpoint.endpoint())).build()) {
            return work.apply(faulty.messageStore());
        }
    }

    @Test
    void of_two_writers_with_one_id_in_two_rooms_at_once_exactly_one_is_stored() throws Exception {
        for (int round = 0; round < 10; round++) {
            ChatMessage first = message(room(), user(), T0);
            ChatMessage sameId = new ChatMessage(first.id(), room(), user(), first.authorName(), first.text(),
                    T0.plusMillis(1), T0.plusMillis(1), false, 0);

            List<InsertOutcome> results = Concurrently.run(List.of(() -> store().insert(first),
                    () -> store().insert(sameId)));

            assertThat(results).filteredOn(InsertOutcome.Stored.class::isInstance).hasSize(1);
            assertThat(history(first.room()).size() + history(sameId.room()).size()).isEqualTo(1);
        }
    }

    @Test
    void an_id_claim_lives_under_a_key_no_room_can_have() {
        ChatMessage stored = message(room(), user(), T0);
        store().insert(stored);

        Map<String, AttributeValue> claimKey = MessageItems.claimKey(stored.id());
        Map<String, AttributeValue> claim = DYNAMO.raw().getItem(get -> get
                .tableName(DynamoDbSettings.DEFAULT_MESSAGES_TABLE).key(claimKey).consistentRead(true)).item();

        assertThat(claim).containsEntry(ChatTables.CLAIM_ROOM, AttributeValue.fromS(stored.room().value()));
        String claimPartition = claimKey.get(ChatTables.ROOM).s();
        assertThatThrownBy(() -> new RoomName(claimPartition)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_claim_lives_under_a_key_no_room_can_have_and_names_its_message() {
        ChatMessage stored = message(room(), user(), T0);
        ClientMessageId key = new ClientMessageId("k-1");
        store().insert(stored, key);

        Map<String, AttributeValue> claimKey = MessageItems.keyClaimKey(stored.room(), stored.author(), key);
        Map<String, AttributeValue> claim = DYNAMO.raw().getItem(get -> get
                .tableName(DynamoDbSettings.DEFAULT_MESSAGES_TABLE).key(claimKey).consistentRead(true)).item();

        assertThat(claim).containsEntry(ChatTables.MESSAGE_ID, AttributeValue.fromS(stored.id().value()));
        String claimPartition = claimKey.get(ChatTables.ROOM).s();
        assertThatThrownBy(() -> new RoomName(claimPartition)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_post_without_a_key_writes_no_key_claim() throws Exception {
        List<String> puts = new java.util.concurrent.CopyOnWriteArrayList<>();
        throughFaults(call -> {
            if (call.operation().equals("PutItem")) {
                puts.add(call.operation());
            }
            return FaultyEndpoint.PASS;
        }, faulty -> faulty.insert(message(room(), user(), T0)));

        assertThat(puts).as("the id claim and the message").hasSize(2);
    }

    @Test
    void a_key_claim_whose_message_never_came_is_taken_over_after_its_lease() {
        RoomName room = room();
        UserId author = user();
        ClientMessageId key = new ClientMessageId("k-1");
        ChatMessage lost = message(room, author, T0);
        Instant longAgo = T0.minus(DynamoDbMessageStore.KEY_CLAIM_LEASE).minusSeconds(1);
        DYNAMO.raw().putItem(put -> put.tableName(DynamoDbSettings.DEFAULT_MESSAGES_TABLE)
                .item(MessageItems.keyClaim(lost, key, "a writer that died", longAgo)));
        ChatMessage resent = message(room, author, T0.plusMillis(1));

        InsertOutcome outcome = store().insert(resent, key);

        assertThat(outcome).isEqualTo(new InsertOutcome.Stored(resent.withSeq(1)));
        assertThat(store().insert(message(room, author, T0.plusMillis(2)), key))
                .isEqualTo(new InsertOutcome.DuplicateOf(resent.withSeq(1)));
        assertThat(history(room)).containsExactly(resent.withSeq(1));
    }

    @Test
    void a_key_claims_lease_runs_on_the_posts_times_not_on_the_machines_clock() {
        RoomName room = room();
        UserId author = user();
        ClientMessageId key = new ClientMessageId("k-1");
        // The core's clock says T0, whatever the machine's clock says: this claim is a millisecond old.
        ChatMessage inProgress = message(room, author, T0);
        DYNAMO.raw().putItem(put -> put.tableName(DynamoDbSettings.DEFAULT_MESSAGES_TABLE)
                .item(MessageItems.keyClaim(inProgress, key, "a writer still at work", T0)));

        assertThatThrownBy(() -> store().insert(message(room, author, T0.plusMillis(1)), key))
                .isInstanceOf(ChatStorageException.class)
                .hasMessageContaining("still being stored");
        assertThat(history(room)).isEmpty();
    }

    @Test
    void a_failure_between_claim_and_message_leaves_nothing_visible() throws Exception {
        RoomName room = room();
        UserId author = user();
        ChatMessage lost = message(room, author, T0);

        assertThatThrownBy(() -> throughFaults(
                FaultyEndpoint.always(FaultyEndpoint::isMessagePut, FaultyEndpoint.internalError()),
                faulty -> faulty.insert(lost)))
                .isInstanceOf(ChatStorageException.class);

        assertThat(history(room)).isEmpty();
        assertThat(store().edit(room, new MessageRef.ById(lost.id()), author, new MessageChange.Erase(), T0))
                .isInstanceOf(EditOutcome.NotFound.class);
        assertThat(store().edit(room, new MessageRef.ByPostedAt(T0), author, new MessageChange.Erase(), T0))
                .isInstanceOf(EditOutcome.NotFound.class);
        ChatMessage next = message(room, author, T0, "the slot is still free");
        assertThat(store().insert(next)).isInstanceOf(InsertOutcome.Stored.class);
        assertThat(history(room)).extracting(ChatMessage::id).containsExactly(next.id());
        assertThat(store().edit(room, new MessageRef.ById(lost.id()), author, new MessageChange.Erase(), T0))
                .as("the orphaned claim points at a slot that holds another message")
                .isInstanceOf(EditOutcome.NotFound.class);
    }

    @Test
    void a_message_put_whose_answer_was_lost_is_recognised_when_the_sdk_retries_it() throws Exception {
        RoomName room = room();
        ChatMessage m = message(room, user(), T0);

        InsertOutcome stored = throughFaults(
                FaultyEndpoint.first(1, FaultyEndpoint::isMessagePut, FaultyEndpoint.lostResponse()),
                faulty -> faulty.insert(m));

        assertThat(stored).isEqualTo(new InsertOutcome.Stored(m.withSeq(1)));
        assertThat(history(room)).containsExactly(m.withSeq(1));
    }

    @Test
    void a_claim_whose_answer_was_lost_is_recognised_when_the_sdk_retries_it() throws Exception {
        RoomName room = room();
        ChatMessage m = message(room, user(), T0);

        InsertOutcome stored = throughFaults(
                FaultyEndpoint.first(1, FaultyEndpoint::isClaimPut, FaultyEndpoint.lostResponse()),
                faulty -> faulty.insert(m));

        assertThat(stored).isEqualTo(new InsertOutcome.Stored(m.withSeq(1)));
        assertThat(history(room)).containsExactly(m.withSeq(1));
    }

    @Test
    void a_delete_whose_answer_was_lost_still_reports_the_deleted_message() throws Exception {
        RoomName room = room();
        UserId author = user();
        ChatMessage m = message(room, author, T0);
        store().insert(m);

        EditOutcome outcome = throughFaults(
                FaultyEndpoint.first(1, FaultyEndpoint::isMessageUpdate, FaultyEndpoint.lostResponse()),
                faulty -> faulty.edit(room, new MessageRef.ByPostedAt(T0), author, new MessageChange.Erase(),
                        T0.plusSeconds(1)));

        ChatMessage deleted = m.apply(new MessageChange.Erase(), T0.plusSeconds(1)).withSeq(2);
        assertThat(outcome).isEqualTo(new EditOutcome.Edited(deleted));
        assertThat(history(room)).containsExactly(deleted);
    }

    @Test
    void an_edit_whose_answer_was_lost_is_applied_once() throws Exception {
        RoomName room = room();
        UserId author = user();
        ChatMessage m = message(room, author, T0);
        store().insert(m);
        MessageChange change = new MessageChange.Replace(new MessageText("edited once"));

        EditOutcome outcome = throughFaults(
                FaultyEndpoint.first(1, FaultyEndpoint::isMessageUpdate, FaultyEndpoint.lostResponse()),
                faulty -> faulty.edit(room, new MessageRef.ById(m.id()), author, change, T0.plusSeconds(1)));

        ChatMessage edited = m.apply(change, T0.plusSeconds(1)).withSeq(2);
        assertThat(outcome).isEqualTo(new EditOutcome.Edited(edited));
        assertThat(history(room)).containsExactly(edited);
    }

    @Test
    void a_deleted_message_keeps_no_text_attribute() {
        RoomName room = room();
        UserId author = user();
        ChatMessage m = message(room, author, T0, "to be erased");
        store().insert(m);

        store().edit(room, new MessageRef.ById(m.id()), author, new MessageChange.Erase(), T0.plusSeconds(1));

        Map<String, AttributeValue> item = DYNAMO.raw().getItem(get -> get
                .tableName(DynamoDbSettings.DEFAULT_MESSAGES_TABLE)
                .key(new MessageItems.MessageKey(room, T0).toKey()).consistentRead(true)).item();
        assertThat(item).doesNotContainKey(ChatTables.MESSAGE)
                .containsEntry(ChatTables.IS_DELETED, AttributeValue.fromBool(true));
    }
}
