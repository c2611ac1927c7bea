package io.roomchat.wire;

/**
 * A client-sent value made safe to quote in a reply body: a short prefix, with control, invisible and
 * unpaired-surrogate characters shown as {@code ?}. A reply never carries a huge or terminal-hostile string back.
 */
final class EchoedValue {
    private static final int MAX_CHARS = 32;
    private static final String ELLIPSIS = "...";

    private EchoedValue() {
    }

    static String quoted(String value) {
        StringBuilder out = new StringBuilder(MAX_CHARS + 8).append('\'');
        int shown = 0;
        int i = 0;
        while (i < value.length() && shown < MAX_CHARS) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            out.appendCodePoint(isPrintable(codePoint) ? codePoint : '?');
            shown++;
        }
        if (i < value.length()) {
            out.append(ELLIPSIS);
        }
        return out.append('\'').toString();
    }

    private static boolean isPrintable(int codePoint) {
        switch (Character.getType(codePoint)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }
}
