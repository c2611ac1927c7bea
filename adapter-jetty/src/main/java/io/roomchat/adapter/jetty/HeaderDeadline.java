package io.roomchat.adapter.jetty;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disconnects a client slower than the deadline to send a request's headers: an upgrade request sent by halves, a
 * slow-loris client. Jetty's idle timeout notices only silence, and a client that trickles a byte now and then is
 * never silent. A new connection's first request must be in within the deadline; a later request on the same
 * connection that is still unfinished at two checks in a row (between one and two deadlines) ends it too. Checks
 * stop once the connection closes or becomes a WebSocket.
 */
final class HeaderDeadline implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadline.class);

    private final Scheduler scheduler;
    private final long deadlineMillis;

    HeaderDeadline(Scheduler scheduler, Duration deadline) {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the header deadline must be positive, was " + deadline);
        }
        this.scheduler = scheduler;
        this.deadlineMillis = deadline.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            Check check = new Check(http);
            http.addEventListener(check);
            check.later(0, false);
        }
    }

    /**
     * One HTTP connection's checks. The pending one is cancelled when the connection closes or becomes a WebSocket
     * (Jetty closes the HTTP connection it upgrades from): a check left in the scheduler's queue would keep the
     * whole HTTP connection (parser, request, headers) alive with the socket for up to a deadline, about 2 KB.
     */
    private final class Check implements Connection.Listener {
        private final HttpConnection http;
        private volatile Scheduler.Task pending;
        private volatile boolean closed;

        Check(HttpConnection http) {
            this.http = http;
        }

        void later(long requestsBefore, boolean unfinishedBefore) {
            pending = scheduler.schedule(() -> check(requestsBefore, unfinishedBefore), deadlineMillis,
                    TimeUnit.MILLISECONDS);
            if (closed) {
                pending.cancel(); // closed while this was being scheduled
            }
        }

        @Override
        public void onClosed(Connection connection) {
            closed = true;
            Scheduler.Task task = pending;
            if (task != null) {
                task.cancel();
            }
        }

        private void check(long requestsBefore, boolean unfinishedBefore) {
            EndPoint endPoint = http.getEndPoint();
            if (closed || !endPoint.isOpen() || endPoint.getConnection() != http) {
                return;
            }
            long requests = http.getMessagesIn();
            HttpParser parser = http.getParser();
            boolean unfinished = parser.inHeaderState() && !parser.isStart();
            if (requests == requestsBefore && (requests == 0 || (unfinished && unfinishedBefore))) {
                LOG.debug("closing a connection from {}: request headers not in within {} ms",
                        endPoint.getRemoteSocketAddress(), deadlineMillis);
                endPoint.close();
                return;
            }
            later(requests, unfinished);
        }
    }
}
