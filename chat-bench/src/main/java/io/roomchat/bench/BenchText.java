package io.roomchat.bench;

/**
 * The text of a benchmark message, {@code b:INDEX:SENDER:SEQ:SENTNANOS:} padded with {@code x} to a size: which
 * message of its room it is, who sent it and its place in that sender's stream, and when it was handed to the
 * socket. The receiver reads it straight out of the event frame, without a JSON parser, so the load generator
 * spends its share of the two cores on sockets rather than on parsing.
 */
final class BenchText {
    static final String PREFIX = "b:";
    private static final String EVENT_FIELD = "\"message\":\"" + PREFIX;

    /** One message as the receiver reads it. */
    record Stamp(int index, int sender, int seq, long sentNanos) {
    }

    private BenchText() {
    }

    static String text(Stamp stamp, int size) {
        StringBuilder text = new StringBuilder(Math.max(size, 48)).append(PREFIX)
                .append(stamp.index()).append(':').append(stamp.sender()).append(':')
                .append(stamp.seq()).append(':').append(stamp.sentNanos()).append(':');
        while (text.length() < size) {
            text.append('x');
        }
        return text.toString();
    }

    /** The client frame that posts {@code text} in {@code room}; room names here need no JSON escaping. */
    static String postFrame(String room, String text) {
        return "{\"action\":\"onMessage\",\"room\":\"" + room + "\",\"message\":\"" + text + "\"}";
    }

    static String joinFrame(String room, String name) {
        return "{\"action\":\"onJoin\",\"room\":\"" + room + "\",\"name\":\"" + name + "\"}";
    }

    /** The v2 client frame that says the user is typing in {@code room}. */
    static String typingFrame(String room) {
        return "{\"action\":\"onTyping\",\"room\":\"" + room + "\"}";
    }

    /**
     * The value of the first {@code "name":"..."} string field of a server frame, or null; it ends at the next
     * quote, which is enough for the ids and event names the tool reads (user ids here need no JSON escaping).
     */
    static String stringField(String frame, String name) {
        String key = "\"" + name + "\":\"";
        int at = frame.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        int end = frame.indexOf('"', start);
        return end < 0 ? null : frame.substring(start, end);
    }

    /** The value of the first {@code "name":N} non-negative integer field of a server frame, or -1. */
    static long numberField(String frame, String name) {
        String key = "\"" + name + "\":";
        int at = frame.indexOf(key);
        return at < 0 ? -1 : new Cursor(frame, at + key.length()).digits();
    }

    /**
     * The stamp of a message event carrying a benchmark text, or null for any other frame; read from the frame's
     * text or straight from its bytes ({@link FrameChars}).
     */
    static Stamp read(CharSequence eventFrame) {
        int at = indexOf(eventFrame, EVENT_FIELD);
        if (at < 0) {
            return null;
        }
        Cursor cursor = new Cursor(eventFrame, at + EVENT_FIELD.length());
        long index = cursor.number();
        long sender = cursor.number();
        long seq = cursor.number();
        long sent = cursor.number();
        if (index < 0 || sender < 0 || seq < 0 || sent < 0) {
            return null;
        }
        return new Stamp((int) index, (int) sender, (int) seq, sent);
    }

    /** The status code of a reply frame that starts with {@code prefix} (ending in the status's colon), or -1. */
    static int replyStatus(CharSequence frame, String prefix) {
        if (!startsWith(frame, prefix)) {
            return -1;
        }
        return (int) new Cursor(frame, prefix.length()).digits();
    }

    static boolean startsWith(CharSequence text, String prefix) {
        return text.length() >= prefix.length() && regionMatches(text, 0, prefix);
    }

    /** Where {@code key} first occurs in {@code text}, or -1. */
    static int indexOf(CharSequence text, String key) {
        if (text instanceof String string) {
            return string.indexOf(key);
        }
        char first = key.charAt(0);
        for (int at = 0, last = text.length() - key.length(); at <= last; at++) {
            if (text.charAt(at) == first && regionMatches(text, at, key)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean regionMatches(CharSequence text, int at, String key) {
        for (int i = 0; i < key.length(); i++) {
            if (text.charAt(at + i) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Reads colon-terminated decimal numbers; -1 for anything malformed. */
    private static final class Cursor {
        private final CharSequence text;
        private int at;

        Cursor(CharSequence text, int at) {
            this.text = text;
            this.at = at;
        }

        long number() {
            long value = digits();
            if (value < 0 || at >= text.length() || text.charAt(at) != ':') {
                at = text.length();
                return -1;
            }
            at++;
            return value;
        }

        long digits() {
            long value = 0;
            int start = at;
            while (at < text.length() && at - start < 19) {
                char c = text.charAt(at);
                if (c < '0' || c > '9') {
                    break;
                }
                value = value * 10 + (c - '0');
                at++;
            }
            return at == start ? -1 : value;
        }
    }
}
