package io.roomchat.wire;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
    private static final long FIRST_FAST_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_FAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    /** Far above any ISO instant's length: a longer string is garbage and is not worth parsing. */
    private static final int MAX_CHARS = 40;

    private InstantFormat() {
    }

    /**
     * Written by hand for years 0000-9999 (every instant the wire carries): {@link DateTimeFormatter} took most
     * of an event's encoding time, and every event and post reply has two times. Other years, which no valid
     * message has, go through the formatter.
     */
    static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < FIRST_FAST_SECOND || epochSecond > LAST_FAST_SECOND) {
            return MILLIS.format(instant);
        }
        LocalDateTime utc = LocalDateTime.ofEpochSecond(epochSecond, instant.getNano(), ZoneOffset.UTC);
        char[] out = new char[24];
        digits(out, 0, utc.getYear(), 4);
        out[4] = '-';
        digits(out, 5, utc.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, utc.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, utc.getHour(), 2);
        out[13] = ':';
        digits(out, 14, utc.getMinute(), 2);
        out[16] = ':';
        digits(out, 17, utc.getSecond(), 2);
        out[19] = '.';
        digits(out, 20, utc.getNano() / 1_000_000, 3);
        out[23] = 'Z';
        return new String(out);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
