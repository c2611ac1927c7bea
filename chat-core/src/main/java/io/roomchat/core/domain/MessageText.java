package io.roomchat.core.domain;

/**
 * A message's text: never blank. Its upper bound is a configurable limit ({@link Limits#maxMessageChars()}),
 * checked by the use cases so that an over-long text gets its own status (413).
 */
public record MessageText(String value) {
    public MessageText {
        Text.require(value, "message");
        Text.requireNotBlank(value, "message");
    }

    /** Length in Unicode code points, the unit of every text limit. */
    public int length() {
        return Text.length(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
