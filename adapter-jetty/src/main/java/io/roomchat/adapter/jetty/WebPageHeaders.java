package io.roomchat.adapter.jetty;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The headers of the bundled page and its files: scripts, styles and the socket from this server only (the page
 * has no inline script or style, and sets styles through the DOM, which the policy allows), never inside a
 * frame, types as declared, and no referrer sent to anyone.
 */
final class WebPageHeaders extends Handler.Wrapper {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    WebPageHeaders(Handler files) {
        super(files);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        return super.handle(request, response, callback);
    }
}
