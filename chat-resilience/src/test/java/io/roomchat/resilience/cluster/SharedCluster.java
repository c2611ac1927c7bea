package io.roomchat.resilience.cluster;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives a test class the {@link Cluster} every class of this package shares: started by the first, stopped when
 * the whole run ends (JUnit closes what its root store holds). A failing test prints every node's last lines.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SharedCluster CLUSTER = new SharedCluster();
 * ... CLUSTER.get().node(1) ...
 * }</pre>
 */
final class SharedCluster implements BeforeAllCallback, TestExecutionExceptionHandler {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCluster.class);

    private Cluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Cluster.class, key -> Cluster.start(),
                Cluster.class);
    }

    Cluster get() {
        if (cluster == null) {
            throw new IllegalStateException("the cluster is not started: register SharedCluster as a static field");
        }
        return cluster;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (cluster != null) {
            System.out.println("cluster: " + context.getDisplayName() + " failed; the nodes' output:"
                    + cluster.logs());
        }
        throw failure;
    }
}
