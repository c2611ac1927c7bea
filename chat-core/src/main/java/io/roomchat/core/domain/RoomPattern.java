package io.roomchat.core.domain;

/**
 * A pattern of room names from a token's grants: {@code *} matches any run of characters (none included), every
 * other character only itself, so a name holding {@code .}, {@code +}, {@code [} or {@code (} never matches more
 * than it says.
 */
public record RoomPattern(String value) {
    public static final int MAX_LENGTH = RoomName.MAX_LENGTH;

    public RoomPattern {
        Text.requireLength(value, "room pattern", 1, MAX_LENGTH);
        Text.requireNoControlCharacters(value, "room pattern");
    }

    public boolean matches(RoomName room) {
        return matches(value, 0, room.value(), 0);
    }

    /** Wildcard matching without regular expressions: the classic greedy walk with one backtrack point. */
    private static boolean matches(String pattern, int p, String name, int n) {
        int star = -1;
        int afterStar = 0;
        while (n < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                afterStar = n;
            } else if (p < pattern.length() && pattern.charAt(p) == name.charAt(n)) {
                p++;
                n++;
            } else if (star >= 0) {
                p = star + 1;
                n = ++afterStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return value;
    }
}
