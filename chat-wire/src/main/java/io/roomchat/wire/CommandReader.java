package io.roomchat.wire;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.KickCommand;
import io.roomchat.core.port.in.LeaveRoomCommand;
import io.roomchat.core.port.in.MarkReadCommand;
import io.roomchat.core.port.in.PresenceQuery;
import io.roomchat.core.port.in.ReadHistoryQuery;
import io.roomchat.core.port.in.TypingCommand;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Picks the command by the frame's {@code action} (API Gateway's route key in the original) and reads it. v1 knows
 * the original's three actions only, and no {@code since} on {@code onJoin}, so a v1 connection sees exactly v1.
 */
final class CommandReader {
    private CommandReader() {
    }

    static ClientCommand read(FrameFields fields, Protocol protocol) {
        String action = fields.requiredString("action");
        return switch (action) {
            case "onJoin" -> join(fields, protocol);
            case "onMessage" -> MessageFrameReader.read(fields);
            case "onHistory" -> history(fields);
            default -> protocol == Protocol.V2 ? v2Only(action, fields) : unknown(action);
        };
    }

    private static ClientCommand v2Only(String action, FrameFields fields) {
        return switch (action) {
            case "onLeave" -> new LeaveRoomCommand(room(fields));
            case "onTyping" -> new TypingCommand(room(fields));
            case "onPresence" -> new PresenceQuery(room(fields));
            case "onRead" -> new MarkReadCommand(room(fields), fields.optionalInstant("postedAt")
                    .orElseThrow(() -> new FrameRejected("postedAt: required")));
            case "onKick" -> kick(fields);
            default -> unknown(action);
        };
    }

    private static KickCommand kick(FrameFields fields) {
        RoomName room = room(fields);
        UserId user = fields.required("userId", CommandReader::userId);
        int minutes = fields.optionalInt("minutes").orElse(0);
        if (minutes < 0 || minutes > KickCommand.MAX_MINUTES) {
            throw new FrameRejected("minutes: must be 0-" + KickCommand.MAX_MINUTES);
        }
        return new KickCommand(room, user, minutes);
    }

    /** {@link UserId}'s own message says "user id"; on the wire the field is {@code userId}. */
    private static UserId userId(String text) {
        try {
            return new UserId(text);
        } catch (IllegalArgumentException invalid) {
            throw new FrameRejected("userId: " + invalid.getMessage().substring("user id ".length()));
        }
    }

    private static ClientCommand unknown(String action) {
        throw new FrameRejected("action: unknown " + EchoedValue.quoted(action));
    }

    private static RoomName room(FrameFields fields) {
        return fields.required("room", RoomName::new);
    }

    private static JoinRoomCommand join(FrameFields fields, Protocol protocol) {
        RoomName room = room(fields);
        DisplayName name = fields.required("name", DisplayName::new);
        if (protocol == Protocol.V1) {
            return new JoinRoomCommand(room, name);
        }
        return new JoinRoomCommand(room, name, fields.optionalCount("since")
                .map(OptionalLong::of).orElseGet(OptionalLong::empty));
    }

    private static ReadHistoryQuery history(FrameFields fields) {
        RoomName room = room(fields);
        Optional<Instant> before = fields.optionalInstant("before");
        Optional<Instant> after = fields.optionalInstant("after");
        Optional<Long> since = fields.optionalCount("since");
        if (before.isPresent() && after.isPresent()) {
            throw new FrameRejected("after: not allowed together with before");
        }
        if (since.isPresent() && (before.isPresent() || after.isPresent())) {
            throw new FrameRejected("since: not allowed together with " + (before.isPresent() ? "before" : "after"));
        }
        HistoryCursor cursor = before.<HistoryCursor>map(HistoryCursor.Before::new)
                .or(() -> after.map(HistoryCursor.After::new))
                .or(() -> since.map(HistoryCursor.Since::new))
                .orElseGet(HistoryCursor.Latest::new);
        return new ReadHistoryQuery(room, cursor, fields.optionalInt("limit"));
    }
}
