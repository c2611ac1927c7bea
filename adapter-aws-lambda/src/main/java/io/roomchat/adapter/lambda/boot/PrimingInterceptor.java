package io.roomchat.adapter.lambda.boot;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Lets a priming call run through an SDK client's whole request path (endpoint rules, marshalling, signing with
 * dummy credentials) and stops it just before anything is sent. Only requests marked by {@link #marked} stop.
 */
final class PrimingInterceptor implements ExecutionInterceptor {
    private static final String HEADER = "x-roomchat-priming";

    /** Thrown in place of sending a marked request; nothing left the process. */
    static final class PrimingStop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PrimingStop() {
            super("priming request stopped before transmission", null, false, false);
        }
    }

    /** Marks a request for priming and signs it with dummy credentials, so that no real ones are fetched. */
    static void marked(AwsRequestOverrideConfiguration.Builder override) {
        override.putHeader(HEADER, "1").credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.httpRequest().firstMatchingHeader(HEADER).isPresent()) {
            throw new PrimingStop();
        }
    }
}
