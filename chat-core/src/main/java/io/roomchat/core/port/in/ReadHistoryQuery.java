package io.roomchat.core.port.in;

import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.RoomName;
import java.util.Objects;
import java.util.OptionalInt;

/** {@code onHistory}: a page of the room's messages; without a limit the configured default applies. */
public record ReadHistoryQuery(RoomName room, HistoryCursor cursor, OptionalInt limit) implements ClientCommand {
    public ReadHistoryQuery {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(limit, "limit");
    }

    public static ReadHistoryQuery latest(RoomName room) {
        return new ReadHistoryQuery(room, HistoryCursor.latest(), OptionalInt.empty());
    }
}
