package io.roomchat.adapter.lambda.boot;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * X-Ray for the SDK clients: a subsegment for each DynamoDB, SNS and {@code @connections} call, and the trace
 * header on each request, which SNS hands on to the fan-out function so that one trace runs from the post to
 * every delivery. Only inside Lambda, which runs the X-Ray daemon and gives each invocation its trace; whether an
 * invocation is recorded is Lambda's sampling decision, carried in that trace header.
 */
final class XRayTracing {
    private XRayTracing() {
    }

    /** The tracing interceptor when this process is a Lambda function (Lambda sets both variables); else none. */
    static Optional<ExecutionInterceptor> fromEnvironment(Map<String, String> env) {
        if (env.containsKey("AWS_LAMBDA_FUNCTION_NAME") && env.containsKey("AWS_XRAY_DAEMON_ADDRESS")) {
            return Optional.of(interceptor(AWSXRayRecorderBuilder.standard().build()));
        }
        return Optional.empty();
    }

    /**
     * An interceptor that records through {@code recorder}. A call made outside any trace (SnapStart priming runs
     * in the init phase, before any invocation) records nothing and logs nothing: Lambda's default,
     * {@code AWS_XRAY_CONTEXT_MISSING=LOG_ERROR}, would log an error for every primed call.
     */
    static ExecutionInterceptor interceptor(AWSXRayRecorder recorder) {
        recorder.setContextMissingStrategy(new IgnoreErrorContextMissingStrategy());
        return new TracingInterceptor(recorder, null, null);
    }
}
