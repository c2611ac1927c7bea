package io.roomchat.adapter.lambda.boot;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.UUID;

/**
 * Not a test: a main that a benchmark runs in a fresh JVM on the shaded deployment package, configured by the
 * same environment variables as a function, to time JVM start to the first handled {@code $connect} (DynamoDB at
 * {@code CHAT_DYNAMODB_ENDPOINT}, a token for it in {@code PROBE_TOKEN}). With the argument {@code primed} it runs
 * the SnapStart priming first and also reports the first {@code $connect} after it, which is what a function
 * restored from a primed snapshot runs. With {@code PROBE_TRACE_HEADER} set, the handled events belong to that X-Ray
 * trace, as Lambda's runtime marks each invocation (the init phase and priming have none).
 * Prints one line of {@code key=value} pairs, in milliseconds (and the count of loaded classes).
 */
public final class ColdStartProbe {
    private ColdStartProbe() {
    }

    public static void main(String[] args) {
        long constructed;
        long primed = 0;
        long first;
        long second;
        long start = System.nanoTime();
        ConnectHandler handler = new ConnectHandler();
        constructed = System.nanoTime();
        if (args.length > 0 && args[0].equals("primed")) {
            LambdaEnvironment.prime();
            primed = System.nanoTime();
        }
        String token = System.getenv("PROBE_TOKEN"); // issued outside, so that no JWT code is warmed here
        if (System.getenv("PROBE_TRACE_HEADER") != null) {
            System.setProperty("com.amazonaws.xray.traceHeader", System.getenv("PROBE_TRACE_HEADER"));
        }
        long beforeFirst = System.nanoTime();
        int status = handler.handleRequest(connect(token), null).getStatusCode();
        first = System.nanoTime();
        handler.handleRequest(connect(token), null);
        second = System.nanoTime();
        if (status != 200) {
            throw new IllegalStateException("$connect answered " + status);
        }
        long jvmStartMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainStartedMillis = System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000;
        System.out.println("jvmToMain=" + (mainStartedMillis - jvmStartMillis)
                + " init=" + ms(constructed - start)
                + " priming=" + (primed == 0 ? 0 : ms(primed - constructed))
                + " firstConnect=" + ms(first - beforeFirst)
                + " secondConnect=" + ms(second - first)
                + " jvmToFirstConnect=" + (mainStartedMillis - jvmStartMillis + ms(first - start))
                // Less sensitive to a busy machine than wall times: what was loaded, and the CPU it took.
                + " classesLoaded=" + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount()
                + " processCpu=" + ms(((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime()));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static APIGatewayV2WebSocketEvent connect(String token) {
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey("$connect");
        context.setEventType("CONNECT");
        context.setConnectionId("probe-" + UUID.randomUUID().toString().substring(0, 8) + "=");
        context.setDomainName("probe.execute-api.us-east-1.amazonaws.com");
        context.setStage("probe");
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setQueryStringParameters(Map.of("token", token));
        return event;
    }
}
