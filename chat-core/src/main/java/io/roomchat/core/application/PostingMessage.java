package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.PostMessageUseCase;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.MessageIdGenerator;
import io.roomchat.core.port.out.MessagePublisher;
import io.roomchat.core.port.out.MessageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

final class PostingMessage implements PostMessageUseCase {
    /** How many later milliseconds to try when {@code (room, postedAt)} is taken before giving up. */
    static final int MAX_STAMP_ATTEMPTS = 64;

    private final RoomMembers members;
    private final TextLimit textLimit;
    private final MessageStore messages;
    private final MessagePublisher publisher;
    private final MessageIdGenerator ids;
    private final Clock clock;
    private final RoomLocks roomLocks;
    private final ChatMetrics metrics;
    private final RoomStamps stamps = new RoomStamps();

    PostingMessage(RoomMembers members, TextLimit textLimit, MessageStore messages, MessagePublisher publisher,
                   MessageIdGenerator ids, Clock clock, RoomLocks roomLocks, ChatMetrics metrics) {
        this.members = members;
        this.textLimit = textLimit;
        this.messages = messages;
        this.publisher = publisher;
        this.ids = ids;
        this.clock = clock;
        this.roomLocks = roomLocks;
        this.metrics = metrics;
    }

    @Override
    public Reply post(ConnectionId caller, PostMessageCommand command) {
        var member = members.memberOf(caller, command.room());
        if (member.isEmpty()) {
            return RoomMembers.notJoined();
        }
        var tooLong = textLimit.check(command.text());
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        var connection = member.get();
        DisplayName name = command.name().orElse(connection.membership().name());
        return roomLocks.inOrder(command.room(), () -> {
            ChatMessage stored = store(command, connection.userId(), name);
            metrics.messagePosted();
            publisher.publish(stored);
            return Reply.ok(new ReplyPayload.Posted(stored.id(), stored.postedAt()));
        });
    }

    /** Stores under the first free millisecond from now, with a fresh id each try: never overwrites. */
    private ChatMessage store(PostMessageCommand command, UserId author, DisplayName name) {
        Instant earliest = stamps.earliest(command.room(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
        for (int attempt = 0; attempt < MAX_STAMP_ATTEMPTS; attempt++) {
            ChatMessage candidate = ChatMessage.posted(ids.next(), command.room(), author, name, command.text(),
                    earliest.plusMillis(attempt));
            if (messages.insert(candidate)) {
                stamps.issued(command.room(), candidate.postedAt());
                return candidate;
            }
        }
        throw new ChatStorageException("no free postedAt in " + MAX_STAMP_ATTEMPTS + " ms");
    }
}
