package io.roomchat.adapter.jetty;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.UserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /dev/token} with {@code {"userId","name"}} answers {@code {"token"}}, so the bundled page can sign in
 * without an identity provider. Mounted only in dev mode, which only listens on loopback.
 */
final class DevTokenHandler extends Handler.Abstract {
    private static final int MAX_BODY_BYTES = 4096;

    private final DevTokens tokens;

    DevTokenHandler(DevTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        if (!HttpMethod.POST.is(request.getMethod())) {
            JsonResponses.json(response, callback, 405, Map.of("error", "use POST"));
            return true;
        }
        if (request.getLength() > MAX_BODY_BYTES) {
            JsonResponses.json(response, callback, 413, Map.of("error", "body too large"));
            return true;
        }
        UserId userId;
        DisplayName name;
        try {
            JsonNode body = JsonResponses.JSON.readTree(Content.Source.asString(request, StandardCharsets.UTF_8));
            userId = new UserId(text(body, "userId"));
            name = new DisplayName(body.hasNonNull("name") ? text(body, "name") : userId.value());
        } catch (IllegalArgumentException | IOException invalid) {
            String reason = invalid instanceof IllegalArgumentException ? invalid.getMessage() : "body: not JSON";
            JsonResponses.json(response, callback, 400, Map.of("error", reason));
            return true;
        }
        JsonResponses.json(response, callback, 200, Map.of("token", tokens.issue(userId, name)));
        return true;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        return node.asText();
    }
}
