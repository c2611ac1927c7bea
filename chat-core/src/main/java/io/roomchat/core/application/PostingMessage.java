package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.PublishOutcome;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageIdGenerator;
import io.roomchat.core.port.out.MessageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

final class PostingMessage {
    /** How many later milliseconds to try when {@code (room, postedAt)} is taken before giving up. */
    static final int MAX_STAMP_ATTEMPTS = 64;

    private final RoomMembers members;
    private final TextLimit textLimit;
    private final MessageStore messages;
    private final MessageIdGenerator ids;
    private final Clock clock;
    private final RoomOrder roomOrder;
    private final ChatMetrics metrics;
    private final RoomStamps stamps = new RoomStamps();

    PostingMessage(RoomMembers members, TextLimit textLimit, MessageStore messages, MessageIdGenerator ids,
                   Clock clock, RoomOrder roomOrder, ChatMetrics metrics) {
        this.members = members;
        this.textLimit = textLimit;
        this.messages = messages;
        this.ids = ids;
        this.clock = clock;
        this.roomOrder = roomOrder;
        this.metrics = metrics;
    }

    Reply post(ConnectionId caller, PostMessageCommand command) {
        var member = members.memberOf(caller, command.room());
        if (member.isEmpty()) {
            return RoomMembers.notJoined();
        }
        var connection = member.get();
        PublishOutcome outcome = postAs(connection.userId(), command.name().orElse(connection.name()), command);
        if (outcome instanceof PublishOutcome.Refused refused) {
            return Reply.rejected(refused.status(), refused.reason());
        }
        return Reply.ok(outcome instanceof PublishOutcome.Stored stored
                ? stored.posted()
                : ((PublishOutcome.DuplicateOf) outcome).original());
    }

    /**
     * The posting rules once the author is known, from a member's connection or from the server API: the text
     * limit, the store's keyed insert, durable and published before it returns.
     */
    PublishOutcome postAs(UserId author, DisplayName name, PostMessageCommand command) {
        var tooLong = textLimit.check(command.text());
        if (tooLong.isPresent()) {
            return new PublishOutcome.Refused(tooLong.get().status(), tooLong.get().body());
        }
        // Acknowledged only once durable and published, so the reply never runs ahead of the event.
        Posting posting = roomOrder.write(command.room(), () -> store(command, author, name),
                done -> done.duplicate() ? Optional.empty() : Optional.of(done.message()));
        ReplyPayload.Posted posted = ReplyPayload.Posted.of(posting.message());
        if (posting.duplicate()) {
            // A resend: its original may still be on its way to disk (a racing first try), so wait as it does.
            messages.awaitDurable();
            return new PublishOutcome.DuplicateOf(posted);
        }
        metrics.messagePosted();
        return new PublishOutcome.Stored(posted);
    }

    /** A stored message, or the original a resend with the same client key names. */
    private record Posting(ChatMessage message, boolean duplicate) {
    }

    /**
     * Stores under the first free millisecond from now, with a fresh id each try: never overwrites. After a first
     * taken millisecond it moves past the room's newest stored message: another node sharing the store may have
     * posted ahead of this one's clock, which this node's stamps cannot know.
     */
    private Posting store(PostMessageCommand command, UserId author, DisplayName name) {
        Instant at = stamps.earliest(command.room(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        for (int attempt = 0; attempt < MAX_STAMP_ATTEMPTS; attempt++) {
            ChatMessage candidate = ChatMessage.posted(ids.next(), command.room(), author, name, command.text(), at);
            InsertOutcome outcome = command.clientMessageId().isPresent()
                    ? messages.insert(candidate, command.clientMessageId().get())
                    : messages.insert(candidate);
            if (outcome instanceof InsertOutcome.DuplicateOf duplicate) {
                return new Posting(duplicate.original(), true);
            }
            if (outcome instanceof InsertOutcome.Stored stored) {
                // The store's stamp, which may be later than the candidate's (a store that stamps with the seq).
                stamps.issued(command.room(), stored.message().postedAt());
                return new Posting(stored.message(), false);
            }
            at = attempt == 0 ? afterNewest(command.room(), at) : at.plusMillis(1);
        }
        throw new ChatStorageException("no free postedAt in " + MAX_STAMP_ATTEMPTS + " ms");
    }

    /** The millisecond after the room's newest stored message, or after {@code taken} if that is later. */
    private Instant afterNewest(RoomName room, Instant taken) {
        List<ChatMessage> newest = messages.page(room, HistoryCursor.latest(), 1).messages();
        Instant next = taken.plusMillis(1);
        if (newest.isEmpty()) {
            return next;
        }
        Instant afterIt = newest.get(0).postedAt().plusMillis(1);
        return afterIt.isAfter(next) ? afterIt : next;
    }
}
