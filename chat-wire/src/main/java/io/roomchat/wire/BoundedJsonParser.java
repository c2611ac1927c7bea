package io.roomchat.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses a frame into a JSON object with every cost bounded: length, nesting, string, number and name sizes and
 * token count are capped, so a hostile frame is a 400 and never a {@link StackOverflowError} or a huge allocation.
 * Strict JSON only (no NaN, comments or single quotes), no duplicate keys, nothing after the object.
 */
final class BoundedJsonParser {
    /** The codec's own bound, above the adapters' 32 KiB frame limit: it must hold even if an adapter forgets. */
    private static final int MAX_FRAME_CHARS = 64 * 1024;
    private static final int MAX_NESTING_DEPTH = 16;
    private static final int MAX_NUMBER_CHARS = 32;
    private static final int MAX_NAME_CHARS = 256;
    private static final int MAX_TOKENS = 16 * 1024;
    // Jackson 2.x words it so; if an upgrade rewords it, a duplicate key still gets a 400, only a vaguer body.
    private static final String DUPLICATE_KEY_PREFIX = "Duplicate field";
    // Likewise: a reworded number bound is still named by its field, only as "too large" rather than a range.
    private static final String NUMBER_LENGTH_PREFIX = "Number value length";
    private static final String NAME_LENGTH_PREFIX = "Name length";

    private final ObjectMapper mapper;

    BoundedJsonParser() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_FRAME_CHARS)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_FRAME_CHARS)
                        .maxNumberLength(MAX_NUMBER_CHARS)
                        .maxNameLength(MAX_NAME_CHARS)
                        .maxTokenCount(MAX_TOKENS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    ObjectNode parseObject(String text) {
        if (text == null || text.isBlank()) {
            throw new FrameRejected("frame: empty");
        }
        if (text.length() > MAX_FRAME_CHARS) {
            throw new FrameRejected("frame: too large");
        }
        JsonParser parser = createParser(text);
        try (parser) {
            JsonNode root = mapper.readTree(parser);
            // Checked by hand: FAIL_ON_TRAILING_TOKENS does not apply to readTree(JsonParser).
            if (parser.nextToken() != null) {
                throw new FrameRejected("frame: unexpected data after the JSON object");
            }
            if (!(root instanceof ObjectNode)) {
                throw new FrameRejected("frame: must be a JSON object");
            }
            return (ObjectNode) root;
        } catch (StreamConstraintsException tooBig) {
            throw new FrameRejected(overBound(tooBig, parser));
        } catch (JsonParseException malformed) {
            throw new FrameRejected(describe(malformed));
        } catch (IOException malformed) {
            throw new FrameRejected("frame: malformed JSON");
        }
    }

    private JsonParser createParser(String text) {
        try {
            return mapper.createParser(text);
        } catch (IOException unreadable) {
            throw new FrameRejected("frame: malformed JSON");
        }
    }

    /**
     * A bound was passed inside a field of the frame: the body names that field (the frame's own, however deep the
     * bad value sits in it), as every 400 does. Only a bound passed outside any field is the frame's.
     */
    private static String overBound(StreamConstraintsException tooBig, JsonParser parser) {
        String message = String.valueOf(tooBig.getOriginalMessage());
        if (message.startsWith(NAME_LENGTH_PREFIX)) {
            // The name itself is the trouble, and the parser still holds the previous field's.
            return "frame: too large or too deeply nested";
        }
        String what = message.startsWith(NUMBER_LENGTH_PREFIX) ? "out of range" : "too large or too deeply nested";
        return FrameFieldName.holding(parser.getParsingContext())
                .map(field -> field + ": " + what)
                .orElse("frame: too large or too deeply nested");
    }

    private static String describe(JsonParseException malformed) {
        String message = String.valueOf(malformed.getOriginalMessage());
        JsonParser parser = malformed.getProcessor();
        String key = parser == null ? null : parser.getParsingContext().getCurrentName();
        if (message.startsWith(DUPLICATE_KEY_PREFIX) && key != null) {
            return "frame: duplicate key " + EchoedValue.quoted(key);
        }
        return "frame: malformed JSON";
    }
}
