package io.roomchat.adapter.dynamodb;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Counts DynamoDB requests by operation (one per API call, however often it is retried) and HTTP attempts. */
final class RequestCounter implements ExecutionInterceptor {
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = context.request().getClass().getSimpleName().replaceFirst("Request$", "");
        requests.computeIfAbsent(operation, any -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attempts.incrementAndGet();
    }

    void reset() {
        requests.clear();
        attempts.set(0);
    }

    /** Requests by operation name ({@code PutItem}, {@code Query}, ...), sorted by name. */
    Map<String, Integer> requests() {
        Map<String, Integer> snapshot = new TreeMap<>();
        requests.forEach((operation, count) -> snapshot.put(operation, count.get()));
        return snapshot;
    }

    int total() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    int attempts() {
        return attempts.get();
    }
}
