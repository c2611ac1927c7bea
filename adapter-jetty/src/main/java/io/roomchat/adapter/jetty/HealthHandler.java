package io.roomchat.adapter.jetty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /health}: {@code {"status":"UP","connections":N, ...details}} while the server runs. */
final class HealthHandler extends Handler.Abstract.NonBlocking {
    private final IntSupplier connections;
    private final Map<String, String> details;

    HealthHandler(IntSupplier connections, Map<String, String> details) {
        this.connections = connections;
        this.details = Map.copyOf(details);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            return false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("connections", connections.getAsInt());
        body.putAll(details);
        JsonResponses.json(response, callback, 200, body);
        return true;
    }
}
