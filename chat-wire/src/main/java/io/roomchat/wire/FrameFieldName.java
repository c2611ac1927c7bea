package io.roomchat.wire;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The frame's own field that the parser is inside, however deep, for a 400 body: a plain name as it is (the
 * protocol's fields are plain), any other name as a safely {@linkplain EchoedValue quoted} client value.
 */
final class FrameFieldName {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private FrameFieldName() {
    }

    static Optional<String> holding(JsonStreamContext context) {
        JsonStreamContext frameLevel = context;
        while (frameLevel != null && frameLevel.getParent() != null && !frameLevel.getParent().inRoot()) {
            frameLevel = frameLevel.getParent();
        }
        if (frameLevel == null || !frameLevel.inObject() || frameLevel.getCurrentName() == null) {
            return Optional.empty();
        }
        String name = frameLevel.getCurrentName();
        return Optional.of(PLAIN.matcher(name).matches() ? name : EchoedValue.quoted(name));
    }
}
