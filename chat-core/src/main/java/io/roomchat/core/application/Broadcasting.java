package io.roomchat.core.application;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.in.BroadcastUseCase;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.FanoutReport;
import java.lang.System.Logger.Level;

/** A message event to every connection in its room, of every protocol; connections found gone are disconnected. */
final class Broadcasting implements BroadcastUseCase {
    private static final System.Logger LOG = System.getLogger(Broadcasting.class.getName());

    private final ConnectionStore connections;
    private final Fanout fanout;
    private final Disconnecting disconnecting;
    private final ChatMetrics metrics;

    Broadcasting(ConnectionStore connections, Fanout fanout, Disconnecting disconnecting, ChatMetrics metrics) {
        this.connections = connections;
        this.fanout = fanout;
        this.disconnecting = disconnecting;
        this.metrics = metrics;
    }

    @Override
    public FanoutReport broadcast(ChatMessage message) {
        Fanout.Sent sent = fanout.deliver(new RoomEvent.Message(message), connections.inRoom(message.room()));
        sent.gone().forEach(disconnecting::disconnect);
        FanoutReport report = sent.report();
        if (report.failed() > 0) {
            LOG.log(Level.WARNING, "fan-out to room had {0} failed deliveries of {1}", report.failed(),
                    report.recipients());
        }
        metrics.fannedOut(report);
        return report;
    }
}
