package io.roomchat.adapter.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.ConnectOutcome;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.LeaveRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.ReadHistoryQuery;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.in.TypingCommand;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.DeliveryStatus;
import io.roomchat.core.port.out.RoomEventPublisher;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.testkit.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DynamoDB requests per chat operation, measured by an SDK interceptor under the real core (so the core's own
 * store calls, such as the membership check before a post, and the room listing behind a presence event, are
 * counted). The table lands in
 * {@code target/dynamodb-requests.md}; docs/dynamodb.md quotes it, and the assertions keep that quote true.
 */
class RequestsPerChatOperationTest {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();

    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00.000Z");

    private final List<Announcement> published = new ArrayList<>();
    private final Set<ConnectionId> gone = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Integer>> measured = new LinkedHashMap<>();
    private ChatCore core;

    /** The core's time, set by the test. */
    private static final class SettableClock extends Clock {
        private volatile Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private ChatCore core(Clock clock) {
        return ChatCore.builder()
                .connectionStore(DYNAMO.storage().connectionStore())
                .messageStore(DYNAMO.storage().messageStore())
                .readPositions(DYNAMO.storage().readPositions())
                .typingGate(DYNAMO.storage().typingGate())
                .tokenVerifier(token -> new TokenVerification.Verified(new Identity(new UserId(token))))
                .gateway((to, delivery) -> CompletableFuture.completedFuture(
                        gone.contains(to) ? DeliveryStatus.GONE : DeliveryStatus.DELIVERED))
                .publisher((RoomEventPublisher) published::add) // fan-out (every kind of event): measured alone
                .clock(clock)
                .build();
    }

    private <T> T measure(String operation, Supplier<T> work) {
        DYNAMO.requests().reset();
        T result = work.get();
        measured.put(operation, DYNAMO.requests().requests());
        return result;
    }

    private ConnectionId connect(String user) {
        return ((ConnectOutcome.Accepted) core.connect(Samples.connectionId(), user, Protocol.V1)).connection().id();
    }

    @Test
    void every_chat_operation_costs_a_fixed_small_number_of_requests() throws IOException {
        SettableClock clock = new SettableClock();
        core = core(clock);
        RoomName room = Samples.room();
        ConnectionId ada = measure("connect", () -> connect("ada"));
        measure("join", () -> core.handle(ada, new JoinRoomCommand(room, new DisplayName("Ada"))));
        List<ConnectionId> others = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ConnectionId other = connect("user-" + i);
            core.handle(other, new JoinRoomCommand(room, new DisplayName("User " + i)));
            others.add(other);
        }

        Reply posted = measure("post", () -> core.handle(ada, new PostMessageCommand(room, new MessageText("hello"))));
        var ids = (ReplyPayload.Posted) posted.payload().orElseThrow();
        measure("post, same millisecond as another from this process (next slot)",
                () -> core.handle(ada, new PostMessageCommand(room, new MessageText("hello again"))));
        ChatCore otherProcess = core(clock);
        measure("post from another process onto two taken milliseconds",
                () -> otherProcess.handle(ada, new PostMessageCommand(room, new MessageText("from elsewhere"))));
        clock.now = NOW.plusSeconds(1);
        measure("edit by postedAt", () -> core.handle(ada, new ChangeMessageCommand(room,
                new MessageRef.ByPostedAt(ids.postedAt()), new MessageChange.Replace(new MessageText("edited")))));
        clock.now = NOW.plusSeconds(2);
        measure("edit by messageId", () -> core.handle(ada, new ChangeMessageCommand(room,
                new MessageRef.ById(ids.messageId()), new MessageChange.Replace(new MessageText("edited 2")))));
        measure("edit, same millisecond as the last change", () -> core.handle(ada, new ChangeMessageCommand(room,
                new MessageRef.ById(ids.messageId()), new MessageChange.Replace(new MessageText("edited 3")))));
        clock.now = NOW.plusSeconds(3);
        measure("delete by postedAt", () -> core.handle(ada, new ChangeMessageCommand(room,
                new MessageRef.ByPostedAt(ids.postedAt()), new MessageChange.Erase())));
        measure("edit refused: not the author", () -> core.handle(others.get(0), new ChangeMessageCommand(room,
                new MessageRef.ByPostedAt(ids.postedAt().plusMillis(1)), new MessageChange.Erase())));
        measure("history page (50)", () -> core.handle(ada,
                new ReadHistoryQuery(room, HistoryCursor.latest(), OptionalInt.of(50))));
        measure("history since a seq (50)", () -> core.handle(ada,
                new ReadHistoryQuery(room, new HistoryCursor.Since(1), OptionalInt.of(50))));
        measure("latest seq of a room (store call, for the v2 join reply)",
                () -> DYNAMO.storage().messageStore().latestSeq(room));
        var abuse = (ReplyPayload.Posted) core.handle(ada, new PostMessageCommand(room, new MessageText("abuse")))
                .payload().orElseThrow();
        UserId moderator = new UserId("moderator");
        measure("moderator's delete by messageId (store call)", () -> DYNAMO.storage().messageStore().edit(room,
                new MessageRef.ById(abuse.messageId()), moderator, new MessageChange.ModeratorErase(moderator),
                NOW.plusSeconds(4)));
        measure("ban (store call, for a kick with minutes)", () -> {
            DYNAMO.storage().roomBans().ban(room, new UserId("troll"), NOW.plusSeconds(600));
            return null;
        });
        measure("ban check (store call, for a join)",
                () -> DYNAMO.storage().roomBans().bannedUntil(room, new UserId("troll"), NOW));
        Announcement event = published.stream().filter(a -> a.event() instanceof RoomEvent.Message).findFirst()
                .orElseThrow();
        measure("fan-out lookup, room of 10", () -> core.broadcast(event));
        gone.add(others.get(8));
        measure("fan-out, room of 10, one gone", () -> core.broadcast(event));
        RoomName other = Samples.room();
        measure("join, v1 switch to another room (presence: leave, join)",
                () -> core.handle(others.get(0), new JoinRoomCommand(other, new DisplayName("User 0"))));
        ConnectionId v2 = ((ConnectOutcome.Accepted) core.connect(Samples.connectionId(), "zoe", Protocol.V2))
                .connection().id();
        core.handle(v2, new JoinRoomCommand(room, new DisplayName("Zoe")));
        measure("join, v2 one more room (reply: latest seq, read position, members, unread)",
                () -> core.handle(v2, new JoinRoomCommand(other, new DisplayName("Zoe"))));
        measure("typing (v2), forwarded", () -> core.handle(v2, new TypingCommand(other)));
        measure("typing (v2), within 2 s of the last: dropped", () -> core.handle(v2, new TypingCommand(other)));
        measure("leave (v2 or v1)", () -> core.handle(v2, new LeaveRoomCommand(other)));
        measure("disconnect", () -> {
            core.disconnect(ada);
            return null;
        });

        Files.writeString(Path.of("target", "dynamodb-requests.md"), table());
        assertThat(measured).containsExactlyEntriesOf(expected());
    }

    private static Map<String, Map<String, Integer>> expected() {
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        expected.put("connect", Map.of("PutItem", 1));
        expected.put("join", Map.of("GetItem", 2, "UpdateItem", 2, "PutItem", 1));
        expected.put("post", Map.of("GetItem", 1, "PutItem", 2, "UpdateItem", 1));
        expected.put("post, same millisecond as another from this process (next slot)",
                Map.of("GetItem", 1, "PutItem", 2, "UpdateItem", 1));
        // The first collision costs its try and one Query for the room's newest message; the post then goes
        // straight past it, whatever the other process took.
        expected.put("post from another process onto two taken milliseconds",
                Map.of("GetItem", 2, "PutItem", 4, "DeleteItem", 1, "UpdateItem", 2, "Query", 1));
        expected.put("edit by postedAt", Map.of("GetItem", 1, "UpdateItem", 2));
        expected.put("edit by messageId", Map.of("GetItem", 2, "UpdateItem", 2));
        expected.put("edit, same millisecond as the last change", Map.of("GetItem", 3, "UpdateItem", 4));
        expected.put("delete by postedAt", Map.of("GetItem", 1, "UpdateItem", 2));
        expected.put("edit refused: not the author", Map.of("GetItem", 2, "UpdateItem", 2));
        expected.put("history page (50)", Map.of("GetItem", 1, "Query", 1));
        expected.put("history since a seq (50)", Map.of("GetItem", 1, "Query", 1));
        expected.put("latest seq of a room (store call, for the v2 join reply)", Map.of("GetItem", 1));
        expected.put("moderator's delete by messageId (store call)", Map.of("GetItem", 1, "UpdateItem", 2));
        expected.put("ban (store call, for a kick with minutes)", Map.of("UpdateItem", 1));
        expected.put("ban check (store call, for a join)", Map.of("GetItem", 1));
        expected.put("fan-out lookup, room of 10", Map.of("Query", 1));
        expected.put("fan-out, room of 10, one gone", Map.of("Query", 1, "DeleteItem", 2, "UpdateItem", 1));
        expected.put("join, v1 switch to another room (presence: leave, join)",
                Map.of("GetItem", 2, "UpdateItem", 3, "DeleteItem", 1, "PutItem", 1));
        expected.put("join, v2 one more room (reply: latest seq, read position, members, unread)",
                Map.of("GetItem", 4, "UpdateItem", 2, "PutItem", 1, "Query", 2));
        expected.put("typing (v2), forwarded", Map.of("GetItem", 1, "UpdateItem", 1));
        expected.put("typing (v2), within 2 s of the last: dropped", Map.of("GetItem", 1, "UpdateItem", 1));
        expected.put("leave (v2 or v1)", Map.of("UpdateItem", 2, "DeleteItem", 1));
        expected.put("disconnect", Map.of("DeleteItem", 2, "UpdateItem", 1));
        return expected;
    }

    private String table() {
        StringBuilder table = new StringBuilder("| chat operation | DynamoDB requests | total |\n|---|---|---|\n");
        measured.forEach((operation, requests) -> table.append("| ").append(operation).append(" | ")
                .append(requests.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .reduce((a, b) -> a + ", " + b).orElse("none"))
                .append(" | ").append(requests.values().stream().mapToInt(Integer::intValue).sum()).append(" |\n"));
        return table.toString();
    }
}
