package io.roomchat.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;
import java.util.Optional;

/**
 * Times on the wire: written as ISO-8601 UTC with exactly three fraction digits ({@code 2026-11-27T18:38:45.120Z}),
 * the shape the original clients compare as strings; read leniently (0-9 fraction digits, {@code Z} or an offset).
 */
final class InstantFormat {
    private static final DateTimeFormatter MILLIS = new DateTimeFormatterBuilder()
            .appendInstant(3)
            .toFormatter(Locale.ROOT);
    /** Far above any ISO instant's length: a longer string is garbage and is not worth parsing. */
    private static final int MAX_CHARS = 40;

    private InstantFormat() {
    }

    static String format(Instant instant) {
        return MILLIS.format(instant);
    }

    /**
     * The instant, or empty for anything else. Years are 0000-9999 (four digits, no sign), so that every store
     * and every client can hold what it gets back.
     */
    static Optional<Instant> parse(String text) {
        if (text.isEmpty() || text.length() > MAX_CHARS || !isAsciiDigit(text.charAt(0))) {
            return Optional.empty();
        }
        try {
            return Optional.of(DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from));
        } catch (DateTimeException garbage) {
            return Optional.empty();
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
