package io.roomchat.adapter.jetty;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Hands Jetty's WebSocket handshake each upgrade request with its URI in origin form, path and query only, as an
 * HTTP/1.1 client sends it. Jetty keeps the request's URI in every socket's negotiation for as long as the socket
 * is open, rebuilt as an absolute {@code ws://} URI whose scheme, host, authority and path are strings of their
 * own (about 200 bytes per idle socket); a URI in origin form is one string, and {@code /} without a query, the
 * usual one, is one {@link SharedRootUri} for all. Requests that ask for no upgrade pass unchanged.
 */
final class OriginFormUpgrades extends Handler.Wrapper {
    OriginFormUpgrades(Handler upgrades) {
        super(upgrades);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getHeaders().get(HttpHeader.UPGRADE) == null) {
            return super.handle(request, response, callback);
        }
        return super.handle(new OriginForm(request), response, callback);
    }

    /** The request, but for its URI: the same path and query, without scheme and authority. */
    private static final class OriginForm extends Request.Wrapper {
        private final HttpURI uri;

        OriginForm(Request request) {
            super(request);
            HttpURI full = request.getHttpURI();
            this.uri = SharedRootUri.matches(full)
                    ? SharedRootUri.INSTANCE
                    : HttpURI.build().path(full.getPath()).query(full.getQuery()).asImmutable();
        }

        @Override
        public HttpURI getHttpURI() {
            return uri;
        }
    }
}
