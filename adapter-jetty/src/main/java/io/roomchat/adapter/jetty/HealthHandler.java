package io.roomchat.adapter.jetty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /health}: {@code {"status":"UP","connections":N, ...details, "checks":{"store":{"status":"UP"}, ...}}}.
 * {@code checks} lists the probed services, when there are any. A required one down makes the status {@code DOWN}
 * and the answer 503 (this node cannot store); another one down makes it {@code DEGRADED}, still 200 (it serves,
 * less well). The answer waits for the probes (at most {@link DependencyProbe#WAIT_MILLIS}) without holding a
 * thread.
 */
final class HealthHandler extends Handler.Abstract.NonBlocking {
    private final IntSupplier connections;
    private final Map<String, String> details;
    private final List<DependencyProbe> probes;

    HealthHandler(IntSupplier connections, Map<String, String> details, List<DependencyProbe> probes) {
        this.connections = connections;
        this.details = Map.copyOf(details);
        this.probes = List.copyOf(probes);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            return false;
        }
        List<CompletableFuture<Boolean>> states = probes.stream().map(DependencyProbe::isUp).toList();
        CompletableFuture.allOf(states.toArray(CompletableFuture[]::new))
                .thenRun(() -> answer(response, callback, states));
        return true;
    }

    private void answer(Response response, Callback callback, List<CompletableFuture<Boolean>> states) {
        boolean requiredDown = false;
        boolean optionalDown = false;
        Map<String, Object> checks = new LinkedHashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            DependencyProbe probe = probes.get(i);
            boolean up = states.get(i).join();
            checks.put(probe.name(), Map.of("status", up ? "UP" : "DOWN"));
            requiredDown |= !up && probe.required();
            optionalDown |= !up && !probe.required();
        }
        String status = requiredDown ? "DOWN" : optionalDown ? "DEGRADED" : "UP";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("connections", connections.getAsInt());
        body.putAll(details);
        if (!checks.isEmpty()) {
            body.put("checks", checks);
        }
        JsonResponses.json(response, callback, requiredDown ? 503 : 200, body);
    }
}
