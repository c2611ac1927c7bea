package io.roomchat.adapter.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.wire.WireCodec;
import java.net.URI;
import java.util.Optional;

/**
 * The body of one SNS notification: a room event in the shape every bus between our own parts uses
 * ({@link WireCodec#encodeBusEvent}, versioned, with its {@code kind}) and, when known, the API Gateway callback endpoint its room's
 * connections are reached at. This is an internal format between two of our own functions, not the client protocol.
 */
final class SnsPayload {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WireCodec CODEC = WireCodec.create();

    private SnsPayload() {
    }

    /** An event published for fan-out, with the callback endpoint its publisher knew. */
    record Published(Announcement announcement, Optional<URI> callbackEndpoint) {
    }

    static String encode(Announcement announcement, Optional<URI> callbackEndpoint) {
        String stored = CODEC.encodeBusEvent(announcement);
        if (callbackEndpoint.isEmpty()) {
            return stored;
        }
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(stored);
            root.put("endpoint", callbackEndpoint.get().toString());
            return root.toString();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("the codec wrote invalid JSON", impossible);
        }
    }

    /** @throws IllegalArgumentException when the text is not a payload of this version; the reason names no content */
    static Published decode(String text) {
        // The codec checks the version, kind and shape first, and never quotes the text; it still reads the older
        // message-only payload, {"v":1,"message":…}, during a rolling deploy.
        Announcement announcement = CODEC.decodeBusEvent(text);
        JsonNode endpoint;
        try {
            endpoint = JSON.readTree(text).get("endpoint");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not JSON");
        }
        return new Published(announcement, endpoint != null && endpoint.isTextual()
                ? Optional.of(URI.create(endpoint.asText()))
                : Optional.empty());
    }
}
