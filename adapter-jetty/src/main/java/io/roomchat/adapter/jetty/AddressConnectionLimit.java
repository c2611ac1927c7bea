package io.roomchat.adapter.jetty;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most so many HTTP connections at a time from one remote address that have not become WebSockets: upgrade
 * requests still arriving or being decided (no token checked yet), page loads, {@code /health}. A connection past
 * the limit is closed at once, so one host cannot hold the server's sockets with half-sent requests while other
 * hosts still get in. A connection leaves the count when it closes, or when its upgrade is accepted: before the
 * 101 goes out, so that a client opening its next socket as soon as it reads the 101 never finds the previous one
 * still counted.
 */
final class AddressConnectionLimit implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(AddressConnectionLimit.class);

    private final int perAddress;
    private final Map<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /** The address each counted connection came from: a closed socket no longer tells. */
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    AddressConnectionLimit(int perAddress) {
        if (perAddress < 1) {
            throw new IllegalArgumentException("HTTP connections per address must be at least 1, was " + perAddress);
        }
        this.perAddress = perAddress;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection
                && connection.getEndPoint().getRemoteSocketAddress() instanceof InetSocketAddress remote) {
            InetAddress address = remote.getAddress();
            counted.put(connection, address);
            if (open.merge(address, 1, Integer::sum) > perAddress) {
                // Debug only: under attack this is every connection the attacker makes.
                LOG.debug("closing a connection from {}: over {} HTTP connections from there", address, perAddress);
                connection.getEndPoint().close();
            }
        }
    }

    @Override
    public void onClosed(Connection connection) {
        countOut(connection);
    }

    /** Takes {@code connection} out of its address's count, once however often it is called. */
    void countOut(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (ignored, count) -> count == 1 ? null : count - 1);
        }
    }
}
