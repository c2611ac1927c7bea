package io.roomchat.wire;

/**
 * Unpaired UTF-16 surrogates: a JSON escape of a lone surrogate can smuggle one into a Java string, but no
 * UTF-8 text frame can carry them. The decoder rejects them; the encoder repairs any that reach it another way
 * (a store, another adapter), so an event frame is always sendable.
 */
final class WellFormedText {
    private static final char REPLACEMENT = '\uFFFD';

    private WellFormedText() {
    }

    static boolean isWellFormed(String text) {
        return firstLoneSurrogate(text) < 0;
    }

    /** {@code text} itself when well formed (no copy on the hot path), else a copy with U+FFFD in place of each. */
    static String repaired(String text) {
        int first = firstLoneSurrogate(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        int i = first;
        while (i < text.length()) {
            if (isPairAt(text, i)) {
                out.append(text, i, i + 2);
                i += 2;
            } else {
                char c = text.charAt(i);
                out.append(Character.isSurrogate(c) ? REPLACEMENT : c);
                i++;
            }
        }
        return out.toString();
    }

    private static int firstLoneSurrogate(String text) {
        int i = 0;
        while (i < text.length()) {
            if (isPairAt(text, i)) {
                i += 2;
            } else if (Character.isSurrogate(text.charAt(i))) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    private static boolean isPairAt(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i))
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
