package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.RoomPolicy;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code onEdit}/{@code onDelete} by a member of the room: the author may change their own message; a moderator of
 * the room (as the room policy says) may also delete anyone's, which is logged. An edit of another's text stays 403.
 */
final class ChangingMessage {
    private static final System.Logger LOG = System.getLogger(ChangingMessage.class.getName());
    static final String NOT_FOUND = "no such message";
    static final String NOT_AUTHOR = "not the author of this message";

    private final RoomMembers members;
    private final TextLimit textLimit;
    private final MessageStore messages;
    private final Clock clock;
    private final RoomOrder roomOrder;
    private final RoomPolicy policy;

    ChangingMessage(RoomMembers members, TextLimit textLimit, MessageStore messages, Clock clock,
                    RoomOrder roomOrder, RoomPolicy policy) {
        this.policy = policy;
        this.members = members;
        this.textLimit = textLimit;
        this.messages = messages;
        this.clock = clock;
        this.roomOrder = roomOrder;
    }

    Reply change(ConnectionId caller, ChangeMessageCommand command) {
        var connection = members.connectionIn(caller, command.room());
        if (connection.isEmpty()) {
            return RoomMembers.notJoined();
        }
        var tooLong = newText(command).flatMap(textLimit::check);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        var author = connection.get().userId();
        MessageChange change = asModerator(connection.get(), command);
        EditOutcome outcome = roomOrder.write(command.room(),
                () -> messages.edit(command.room(), command.message(), author, change, clock.instant()),
                ChangingMessage::changed);
        if (outcome instanceof EditOutcome.Edited edited) {
            if (change instanceof MessageChange.ModeratorErase && !edited.message().isWrittenBy(author)) {
                LOG.log(System.Logger.Level.INFO, "moderator " + author + " deleted message " + edited.message().id()
                        + " of " + edited.message().author() + " in room " + command.room());
            }
            return Reply.ok();
        }
        if (outcome instanceof EditOutcome.NotAuthor) {
            return Reply.rejected(Status.FORBIDDEN, NOT_AUTHOR);
        }
        return Reply.rejected(Status.NOT_FOUND, NOT_FOUND);
    }

    /** A delete by a moderator of the room may erase anyone's message; anything else stays the author's. */
    private MessageChange asModerator(Connection connection, ChangeMessageCommand command) {
        boolean erase = command.change() instanceof MessageChange.Erase;
        return erase && policy.moderates(connection.identity(), command.room())
                ? new MessageChange.ModeratorErase(connection.userId())
                : command.change();
    }

    /** A refused change stored nothing, so there is nothing to publish. */
    private static Optional<ChatMessage> changed(EditOutcome outcome) {
        return outcome instanceof EditOutcome.Edited edited ? Optional.of(edited.message()) : Optional.empty();
    }

    private static Optional<io.roomchat.core.domain.MessageText> newText(ChangeMessageCommand command) {
        return command.change() instanceof MessageChange.Replace replace
                ? Optional.of(replace.text())
                : Optional.empty();
    }
}
