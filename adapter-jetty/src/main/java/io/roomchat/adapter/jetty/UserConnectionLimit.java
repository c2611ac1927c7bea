package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.UserId;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;

/**
 * At most so many sockets per user id in this process, counting upgrades accepted but not yet open. A slot is held
 * by the TCP connection the upgrade came on and freed when that connection closes, whether its socket opened, was
 * closed, or never opened (a client that left mid-upgrade), or when the upgrade ends without switching protocols.
 */
final class UserConnectionLimit implements Connection.Listener {
    private final int perUser;
    private final Map<UserId, Integer> held = new HashMap<>();
    private final Map<EndPoint, UserId> holders = new IdentityHashMap<>();

    UserConnectionLimit(int perUser) {
        if (perUser < 1) {
            throw new IllegalArgumentException("connections per user must be at least 1, was " + perUser);
        }
        this.perUser = perUser;
    }

    /** Takes a slot of {@code user} for the connection {@code endPoint}; false if the user has none left. */
    boolean tryHold(UserId user, EndPoint endPoint) {
        synchronized (this) {
            int count = held.getOrDefault(user, 0);
            if (count >= perUser) {
                return false;
            }
            held.put(user, count + 1);
            holders.put(endPoint, user);
        }
        if (!endPoint.isOpen()) {
            // Closed before the slot was recorded, so the close below did not see it.
            release(endPoint);
        }
        return true;
    }

    synchronized void release(EndPoint endPoint) {
        UserId user = holders.remove(endPoint);
        if (user != null) {
            held.computeIfPresent(user, (ignored, count) -> count == 1 ? null : count - 1);
        }
    }

    /** Both the HTTP connection and, after the upgrade, the WebSocket one report here; only the last one closes the TCP connection. */
    @Override
    public void onClosed(Connection connection) {
        if (!connection.getEndPoint().isOpen()) {
            release(connection.getEndPoint());
        }
    }
}
