package io.roomchat.core.domain;

/** Checks shared by the value types; each failure names what was wrong, never the value itself. */
final class Text {
    private Text() {
    }

    static String require(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    static String requireLength(String value, String what, int min, int max) {
        require(value, what);
        int length = value.codePointCount(0, value.length());
        if (length < min || length > max) {
            throw new IllegalArgumentException(what + " must be " + min + "-" + max + " characters");
        }
        return value;
    }

    static String requireNoControlCharacters(String value, String what) {
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must not contain control characters");
        }
        return value;
    }

    static String requireNotBlank(String value, String what) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
