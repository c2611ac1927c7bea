package io.roomchat.core.application;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.in.BroadcastUseCase;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.FanoutReport;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A published room event to the connections of its room that this core knows, by its kind's rule
 * ({@link Recipients}); connections found gone are disconnected.
 */
final class Broadcasting implements BroadcastUseCase {
    private static final System.Logger LOG = System.getLogger(Broadcasting.class.getName());
    private static final FanoutReport NOBODY = new FanoutReport(0, 0, 0);

    private final ConnectionStore connections;
    private final Recipients recipients;
    private final Fanout fanout;
    private final Consumer<ConnectionId> disconnect;
    private final BiConsumer<RoomEvent.Kicked, List<Member>> expel;
    private final ChatMetrics metrics;

    /** {@code expel} takes a kick's recipients, once told, out of its room. */
    Broadcasting(ConnectionStore connections, Recipients recipients, Fanout fanout,
                 Consumer<ConnectionId> disconnect, BiConsumer<RoomEvent.Kicked, List<Member>> expel,
                 ChatMetrics metrics) {
        this.connections = connections;
        this.recipients = recipients;
        this.fanout = fanout;
        this.disconnect = disconnect;
        this.expel = expel;
        this.metrics = metrics;
    }

    @Override
    public FanoutReport broadcast(Announcement announcement) {
        List<Member> to = recipients.of(announcement, connections.inRoom(announcement.event().room()));
        if (to.isEmpty()) {
            return NOBODY;
        }
        Fanout.Sent sent = fanout.deliver(announcement.event(), to);
        if (announcement.event() instanceof RoomEvent.Kicked kicked) {
            expel.accept(kicked, to);
        }
        sent.gone().forEach(disconnect);
        FanoutReport report = sent.report();
        if (report.failed() > 0) {
            LOG.log(Level.WARNING, "fan-out to room had {0} failed deliveries of {1}", report.failed(),
                    report.recipients());
        }
        if (announcement.event() instanceof RoomEvent.Message) {
            // The delivery metrics count message events, as they always have; presence and typing would drown them.
            metrics.fannedOut(report);
        }
        return report;
    }
}
