package io.roomchat.core.domain;

/**
 * The authenticated user, the {@code sub} of a verified token. No control characters: it is sent to every member
 * of a room and written to logs, where a newline would forge a line.
 */
public record UserId(String value) {
    public static final int MAX_LENGTH = 256;

    public UserId {
        Text.requireLength(value, "user id", 1, MAX_LENGTH);
        Text.requireNotBlank(value, "user id");
        Text.requireNoControlCharacters(value, "user id");
    }

    @Override
    public String toString() {
        return value;
    }
}
