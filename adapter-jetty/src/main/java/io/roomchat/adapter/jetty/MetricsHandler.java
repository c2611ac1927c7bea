package io.roomchat.adapter.jetty;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /metrics}: the Prometheus text exposition. */
final class MetricsHandler extends Handler.Abstract.NonBlocking {
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4";

    private final MicrometerChatMetrics metrics;

    MetricsHandler(MicrometerChatMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(request.getMethod())) {
            return false;
        }
        JsonResponses.write(response, callback, 200, PROMETHEUS_TEXT, metrics.scrape());
        return true;
    }
}
