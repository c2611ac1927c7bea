package io.roomchat.adapter.lambda.boot;

import io.roomchat.adapter.lambda.ServerlessChat;
import java.lang.System.Logger.Level;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The one chat of a Lambda execution environment, wired from its environment variables during the init phase
 * (which SnapStart snapshots). Before the snapshot, a CRaC hook primes it: see {@link ServerlessWiring#prime()}.
 */
final class LambdaEnvironment {
    private static final System.Logger LOG = System.getLogger(LambdaEnvironment.class.getName());

    private LambdaEnvironment() {
    }

    static ServerlessChat chat() {
        return Holder.WIRED.chat();
    }

    /** What the SnapStart hook runs; also callable without a CRaC JVM, to measure what priming buys. */
    static void prime() {
        Holder.WIRED.prime();
    }

    /** Lazily, on the first handler's construction, which the runtime does in the init phase. */
    private static final class Holder {
        static final ServerlessWiring WIRED = ServerlessWiring.wire(LambdaSettings.fromEnvironment(System.getenv()),
                XRayTracing.fromEnvironment(System.getenv()));
        /** CRaC keeps only weak references to resources: this field keeps the hook alive. */
        static final Resource PRIMING = new SnapStartPriming(WIRED);

        static {
            Core.getGlobalContext().register(PRIMING);
        }
    }

    /** Warms the code paths of a first request before SnapStart takes its snapshot; nothing remote is called. */
    static final class SnapStartPriming implements Resource {
        private final ServerlessWiring wired;

        SnapStartPriming(ServerlessWiring wired) {
            this.wired = wired;
        }

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            long started = System.nanoTime();
            wired.prime();
            LOG.log(Level.INFO, "primed before checkpoint in {0} ms", (System.nanoTime() - started) / 1_000_000);
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            // Nothing to renew: credentials are fetched per request by the providers, connections re-open lazily.
        }
    }
}
