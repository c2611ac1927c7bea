package io.roomchat.adapter.lambda.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

/**
 * API Gateway's route selection for {@code $request.body.action}: a frame that is a JSON object whose
 * {@code action} is a string naming a route goes to that route; anything else (not JSON, no action, an unknown
 * action) goes to {@code $default}.
 */
final class RouteSelection {
    static final String DEFAULT = "$default";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> routeKeys;

    RouteSelection(Set<String> routeKeys) {
        this.routeKeys = Set.copyOf(routeKeys);
    }

    String routeFor(String body) {
        try {
            JsonNode frame = JSON.readTree(body);
            JsonNode action = frame == null ? null : frame.get("action");
            if (action != null && action.isTextual() && routeKeys.contains(action.asText())) {
                return action.asText();
            }
        } catch (JsonProcessingException notJson) {
            // falls through to $default, as on API Gateway
        }
        return DEFAULT;
    }
}
