package io.roomchat.adapter.jetty;

import io.roomchat.wire.ServerApi;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server API ({@code /api/…}) on a Jetty server: hands the request to {@link ServerApi}, which decides, and
 * writes its answer. Blocking: it reads at most the API's cap of the body, however it is framed.
 */
final class ServerApiHandler extends Handler.Abstract {
    private final ServerApi api;

    ServerApiHandler(ServerApi api) {
        this.api = api;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        ServerApi.Answer answer = api.answer(new ServerApi.Request(request.getMethod(),
                request.getHttpURI().getPath(), request.getHeaders().get(HttpHeader.AUTHORIZATION),
                request.getHeaders().get(HttpHeader.CONTENT_TYPE), Content.Source.asInputStream(request)));
        if (!request.consumeAvailable()) {
            // A body left unread (a refusal before it, or past the cap): say the connection ends, so that a client
            // does not send its next request on a connection the server is about to close.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.getHeaders().put(header.getKey(), header.getValue());
        }
        JsonResponses.write(response, callback, answer.status(), "application/json", answer.json());
        return true;
    }
}
