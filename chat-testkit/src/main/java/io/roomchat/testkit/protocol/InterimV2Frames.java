package io.roomchat.testkit.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.out.EventEncoder;
import java.util.Locale;

/**
 * A wire codec's frames, and for a presence event the codec has no frame for yet a plain JSON object with its
 * {@code room}, {@code event}, {@code userId} and {@code name} (no {@code type}): so that transport tests can see
 * v2 events reach v2 sockets, and only them, while the v2 codec is built separately. Once the codec encodes every
 * v2 event this only passes its frames through, and tests can take the codec itself.
 */
public final class InterimV2Frames implements EventEncoder {
    private final EventEncoder codec;

    public InterimV2Frames(EventEncoder codec) {
        this.codec = codec;
    }

    @Override
    public String encode(ChatMessage event) {
        return codec.encode(event);
    }

    @Override
    public String encode(RoomEvent event, Protocol protocol) {
        try {
            return codec.encode(event, protocol);
        } catch (IllegalStateException noFrameYet) {
            if (!(event instanceof RoomEvent.Presence presence)) {
                throw noFrameYet;
            }
            ObjectNode frame = WsTestClient.JSON.createObjectNode()
                    .put("room", presence.room().value())
                    .put("event", presence.kind().name().toLowerCase(Locale.ROOT))
                    .put("userId", presence.userId().value())
                    .put("name", presence.name().value());
            return WsTestClient.write(frame);
        }
    }
}
