package io.roomchat.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Writes one JSON text with Jackson's streaming generator: no trees and no reflection on the fan-out path, and
 * Jackson's escaping of quotes, backslashes and control characters.
 */
final class JsonTextWriter {
    private static final int INITIAL_CHARS = 256;

    private final JsonFactory factory = JsonFactory.builder().build();

    @FunctionalInterface
    interface Content {
        void writeTo(JsonGenerator json) throws IOException;
    }

    String write(Content content) {
        StringWriter out = new StringWriter(INITIAL_CHARS);
        try (JsonGenerator json = factory.createGenerator(out)) {
            content.writeTo(json);
        } catch (IOException impossible) {
            // A StringWriter does not fail; only a bug in the content could get here.
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    /** A string field; unpaired surrogates (which Jackson would copy through) become U+FFFD. */
    static void writeText(JsonGenerator json, SerializableString field, String value) throws IOException {
        json.writeFieldName(field);
        json.writeString(WellFormedText.repaired(value));
    }

    /** A time field in the wire's one time format. */
    static void writeTime(JsonGenerator json, SerializableString field, Instant value) throws IOException {
        json.writeFieldName(field);
        json.writeString(InstantFormat.format(value));
    }
}
