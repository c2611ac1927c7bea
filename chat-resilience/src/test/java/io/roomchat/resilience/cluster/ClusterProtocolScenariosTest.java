package io.roomchat.resilience.cluster;

import io.roomchat.resilience.LiveServer;
import io.roomchat.testkit.protocol.ProtocolScenarios;
import io.roomchat.testkit.protocol.V2ProtocolScenarios;
import java.net.URI;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every protocol scenario, v1 and (nested) v2, on the three-node cluster, a test's clients each on another node in turn. */
class ClusterProtocolScenariosTest extends ProtocolScenarios {
    @RegisterExtension
    static final SharedCluster CLUSTER = new SharedCluster();

    @Override
    protected URI endpoint() {
        return CLUSTER.get().node(0);
    }

    @Override
    protected URI endpointForClient(int index) {
        return CLUSTER.get().node(index % Cluster.NODES);
    }

    @Override
    protected String tokenFor(String userId) {
        return LiveServer.tokenFor(userId);
    }

    /** The v2 scenarios on the same cluster, spread the same way. */
    @Nested
    class ProtocolV2 extends V2ProtocolScenarios {
        @Override
        protected URI endpoint() {
            return CLUSTER.get().node(0);
        }

        @Override
        protected URI endpointForClient(int index) {
            return CLUSTER.get().node(index % Cluster.NODES);
        }

        @Override
        protected String tokenFor(String userId) {
            return LiveServer.tokenFor(userId);
        }
    }
}
