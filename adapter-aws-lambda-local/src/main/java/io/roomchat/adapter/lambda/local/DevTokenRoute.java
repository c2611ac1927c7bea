package io.roomchat.adapter.lambda.local;

import io.roomchat.auth.jwt.DevTokenEndpoint;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Dev mode's {@code /dev/token} on the stand-in: the same {@link DevTokenEndpoint} the self-hosted server serves. */
final class DevTokenRoute {
    static final String PATH = "/dev/token";

    private final DevTokenEndpoint endpoint;

    DevTokenRoute(DevTokenEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    boolean handle(Request request, Response response, Callback callback) throws Exception {
        DevTokenEndpoint.Answer answer = endpoint.answer(new DevTokenEndpoint.Request(request.getMethod(),
                request.getHeaders().get(HttpHeader.HOST), request.getHeaders().get(HttpHeader.ORIGIN),
                request.getHeaders().get(HttpHeader.CONTENT_TYPE), Content.Source.asInputStream(request)));
        return HttpReplies.send(response, callback, answer.status(), "application/json", answer.json());
    }
}
