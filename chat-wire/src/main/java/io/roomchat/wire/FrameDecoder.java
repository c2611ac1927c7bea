package io.roomchat.wire;

import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.Reply;
import java.util.Optional;

/** Text frame to {@link DecodedFrame}: parse within bounds, read the request id, then the action's fields. */
final class FrameDecoder {
    private static final int MAX_REQUEST_ID_CHARS = 64;

    private final BoundedJsonParser parser = new BoundedJsonParser();

    DecodedFrame decode(String text, Protocol protocol) {
        Optional<String> requestId = Optional.empty();
        try {
            FrameFields fields = new FrameFields(parser.parseObject(text));
            requestId = requestId(fields);
            return new DecodedFrame.Command(CommandReader.read(fields, protocol), requestId);
        } catch (FrameRejected rejected) {
            return invalid(rejected.body(), requestId);
        } catch (RuntimeException defect) {
            // Untrusted input must cost at most one 400, never the connection, even through a defect in here.
            return invalid("frame: could not be decoded", requestId);
        }
    }

    /** Read first, so that every later rejection can still be matched to its request by the client. */
    private static Optional<String> requestId(FrameFields fields) {
        Optional<String> requestId = fields.optionalString("requestId");
        requestId.ifPresent(id -> {
            if (id.codePointCount(0, id.length()) > MAX_REQUEST_ID_CHARS) {
                throw new FrameRejected("requestId: must be at most " + MAX_REQUEST_ID_CHARS + " characters");
            }
        });
        return requestId;
    }

    private static DecodedFrame invalid(String body, Optional<String> requestId) {
        return new DecodedFrame.Invalid(Reply.rejected(Status.BAD_REQUEST, body), requestId);
    }
}
