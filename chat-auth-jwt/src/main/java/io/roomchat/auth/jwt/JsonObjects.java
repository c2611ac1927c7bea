package io.roomchat.auth.jwt;

import io.jsonwebtoken.io.Deserializer;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Decodes one Base64URL segment of a compact JWT into a JSON object, with the same JSON
 * reader jjwt uses (found the way jjwt finds it, through its service file).
 */
final class JsonObjects {
    private final Deserializer<?> deserializer;

    private JsonObjects(Deserializer<?> deserializer) {
        this.deserializer = deserializer;
    }

    /** Fails at start-up, not on the first token, when jjwt-jackson is missing. */
    static JsonObjects load() {
        @SuppressWarnings("rawtypes")
        ServiceLoader<Deserializer> loader = ServiceLoader.load(Deserializer.class, JsonObjects.class.getClassLoader());
        return loader.findFirst()
                .map(JsonObjects::new)
                .orElseThrow(() -> new IllegalStateException("No io.jsonwebtoken.io.Deserializer on the class path: add jjwt-jackson"));
    }

    Map<?, ?> decodeSegment(String base64Url) {
        byte[] json = CanonicalBase64Url.decode(base64Url);
        try {
            return parseObject(json);
        } catch (IllegalArgumentException notAnObject) {
            throw new TokenRefused(RefusalReason.MALFORMED);
        }
    }

    /** A JSON object from UTF-8 bytes; anything else is an {@link IllegalArgumentException}. */
    Map<?, ?> parseObject(byte[] json) {
        Object value = deserializer.deserialize(new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8));
        if (value instanceof Map<?, ?> object) {
            return object;
        }
        throw new IllegalArgumentException("not a JSON object");
    }
}
