package io.roomchat.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Typed reads of one frame's fields; each wrong field is a {@link FrameRejected} naming it. A JSON {@code null}
 * counts as absent, as JavaScript clients send it for "not set". Fields nobody asks for are ignored.
 */
final class FrameFields {
    private final ObjectNode frame;

    FrameFields(ObjectNode frame) {
        this.frame = frame;
    }

    String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> new FrameRejected(field + ": required"));
    }

    Optional<String> optionalString(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new FrameRejected(field + ": must be a string");
        }
        String text = value.textValue();
        if (!WellFormedText.isWellFormed(text)) {
            throw new FrameRejected(field + ": must not contain unpaired surrogates");
        }
        return Optional.of(text);
    }

    /**
     * A required string made into a domain value ({@code RoomName::new}, ...); the value type's own message names
     * the field, as the wire and the domain use the same names.
     */
    <T> T required(String field, Function<String, T> valueType) {
        return valid(valueType, requiredString(field));
    }

    <T> Optional<T> optional(String field, Function<String, T> valueType) {
        return optionalString(field).map(text -> valid(valueType, text));
    }

    /** An optional boolean, false when absent. */
    boolean flag(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new FrameRejected(field + ": must be a boolean");
        }
        return value.booleanValue();
    }

    /** An optional integer; only its type is checked here, its range is the core's rule. */
    OptionalInt optionalInt(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber()) {
            throw new FrameRejected(field + ": must be an integer");
        }
        if (!value.canConvertToInt()) {
            throw new FrameRejected(field + ": out of range");
        }
        return OptionalInt.of(value.intValue());
    }

    /** An optional integer that is never negative, as wide as a {@code long}. */
    Optional<Long> optionalCount(String field) {
        JsonNode value = present(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber()) {
            throw new FrameRejected(field + ": must be an integer");
        }
        if (!value.canConvertToLong()) {
            throw new FrameRejected(field + ": out of range");
        }
        if (value.longValue() < 0) {
            throw new FrameRejected(field + ": must be 0 or more");
        }
        return Optional.of(value.longValue());
    }

    Optional<Instant> optionalInstant(String field) {
        return optionalString(field).map(text -> InstantFormat.parse(text)
                .orElseThrow(() -> new FrameRejected(field + ": not an ISO-8601 instant")));
    }

    private JsonNode present(String field) {
        JsonNode value = frame.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static <T> T valid(Function<String, T> valueType, String text) {
        try {
            return valueType.apply(text);
        } catch (IllegalArgumentException invalid) {
            // Domain value types name the field and never echo the value, so their message is a safe body.
            throw new FrameRejected(invalid.getMessage());
        }
    }
}
