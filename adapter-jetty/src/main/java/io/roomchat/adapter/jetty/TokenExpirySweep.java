package io.roomchat.adapter.jetty;

import io.roomchat.core.application.ChatCore;
import java.time.Clock;
import java.time.Instant;

/**
 * Closes, once a second, every open socket whose token's {@code exp} has passed (4401), and forgets it, as for a
 * slow reader. One sweep for all sockets rather than a timer task per socket: an idle socket then holds nothing for
 * its expiry but the instant its record already has (a scheduled task was about 90 bytes each; docs/benchmarks.md).
 */
final class TokenExpirySweep implements Runnable {
    private final JettyConnectionGateway gateway;
    private final ChatCore core;
    private final Clock clock;

    TokenExpirySweep(JettyConnectionGateway gateway, ChatCore core, Clock clock) {
        this.gateway = gateway;
        this.core = core;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        gateway.forEachOpen(connection -> {
            if (connection.tokenExpiredAt(now)) {
                gateway.drop(connection, ChatEndpoint.TOKEN_EXPIRED, "token expired");
                core.disconnect(connection.id());
            }
        });
    }
}
