package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.Limits;
import java.util.Map;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /limits}: the limits a client must respect, as this server runs them, so that the bundled page asks
 * for history pages and counts characters by the server's settings instead of a copy of the defaults.
 */
final class LimitsHandler extends Handler.Abstract.NonBlocking {
    private final Map<String, Integer> body;

    LimitsHandler(Limits limits) {
        this.body = Map.of(
                "maxFrameBytes", limits.maxFrameBytes(),
                "maxMessageChars", limits.maxMessageChars(),
                "historyPageDefault", limits.historyPageDefault(),
                "historyPageMax", limits.historyPageMax());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            return false;
        }
        JsonResponses.json(response, callback, 200, body);
        return true;
    }
}
