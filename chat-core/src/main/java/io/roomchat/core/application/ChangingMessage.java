package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.time.Clock;
import java.util.Optional;

final class ChangingMessage {
    static final String NOT_FOUND = "no such message";
    static final String NOT_AUTHOR = "not the author of this message";

    private final RoomMembers members;
    private final TextLimit textLimit;
    private final MessageStore messages;
    private final Clock clock;
    private final RoomOrder roomOrder;

    ChangingMessage(RoomMembers members, TextLimit textLimit, MessageStore messages, Clock clock,
                    RoomOrder roomOrder) {
        this.members = members;
        this.textLimit = textLimit;
        this.messages = messages;
        this.clock = clock;
        this.roomOrder = roomOrder;
    }

    Reply change(ConnectionId caller, ChangeMessageCommand command) {
        var member = members.memberOf(caller, command.room());
        if (member.isEmpty()) {
            return RoomMembers.notJoined();
        }
        var tooLong = newText(command).flatMap(textLimit::check);
        if (tooLong.isPresent()) {
            return tooLong.get();
        }
        var author = member.get().userId();
        EditOutcome outcome = roomOrder.write(command.room(),
                () -> messages.edit(command.room(), command.message(), author, command.change(), clock.instant()),
                ChangingMessage::changed);
        if (outcome instanceof EditOutcome.Edited) {
            return Reply.ok();
        }
        if (outcome instanceof EditOutcome.NotAuthor) {
            return Reply.rejected(Status.FORBIDDEN, NOT_AUTHOR);
        }
        return Reply.rejected(Status.NOT_FOUND, NOT_FOUND);
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
