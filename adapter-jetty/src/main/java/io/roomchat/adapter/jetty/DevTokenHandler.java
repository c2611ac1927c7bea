package io.roomchat.adapter.jetty;

import io.roomchat.auth.jwt.DevTokenEndpoint;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Dev mode's {@code POST /dev/token} on a Jetty server: hands the request to the {@link DevTokenEndpoint}, which
 * decides, and writes its answer. Blocking: it reads at most the endpoint's cap of the body.
 */
final class DevTokenHandler extends Handler.Abstract {
    private final DevTokenEndpoint endpoint;

    DevTokenHandler(DevTokenEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        DevTokenEndpoint.Answer answer = endpoint.answer(new DevTokenEndpoint.Request(request.getMethod(),
                request.getHeaders().get(HttpHeader.HOST), request.getHeaders().get(HttpHeader.ORIGIN),
                request.getHeaders().get(HttpHeader.CONTENT_TYPE), Content.Source.asInputStream(request)));
        JsonResponses.write(response, callback, answer.status(), "application/json", answer.json());
        return true;
    }
}
