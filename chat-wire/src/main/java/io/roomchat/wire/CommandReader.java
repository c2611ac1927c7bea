package io.roomchat.wire;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.ReadHistoryQuery;
import java.time.Instant;
import java.util.Optional;

/** Picks the command by the frame's {@code action} (API Gateway's route key in the original) and reads it. */
final class CommandReader {
    private CommandReader() {
    }

    static ClientCommand read(FrameFields fields) {
        String action = fields.requiredString("action");
        return switch (action) {
            case "onJoin" -> join(fields);
            case "onMessage" -> MessageFrameReader.read(fields);
            case "onHistory" -> history(fields);
            default -> throw new FrameRejected("action: unknown " + EchoedValue.quoted(action));
        };
    }

    private static JoinRoomCommand join(FrameFields fields) {
        return new JoinRoomCommand(fields.required("room", RoomName::new), fields.required("name", DisplayName::new));
    }

    private static ReadHistoryQuery history(FrameFields fields) {
        RoomName room = fields.required("room", RoomName::new);
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
