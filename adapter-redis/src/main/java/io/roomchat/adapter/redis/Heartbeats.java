package io.roomchat.adapter.redis;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.RoomEventPublisher;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every heartbeat: refresh this node's heartbeat key; after Redis was away, repair this node's presence entries
 * (set each to what the node holds, announcing the joins and leaves that makes); and take the entries of nodes whose
 * heartbeat ran out, one reaper per dead node, announcing the leaves of users then absent.
 */
final class Heartbeats implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Heartbeats.class.getName());

    private final RedisPresence presence;
    private final ClusterPresenceConnectionStore store;
    private final ConnectionStore local;
    private final RoomSubscriptions subscriptions;
    private final RoomEventPublisher publisher;
    private final BusSettings settings;
    private final Repeating timer;
    private volatile boolean redisAway;
    /** Whether a beat has reached Redis since start. */
    private boolean beaten;

    Heartbeats(RedisPresence presence, ClusterPresenceConnectionStore store, ConnectionStore local,
               RoomSubscriptions subscriptions, RoomEventPublisher publisher, BusSettings settings) {
        this.presence = presence;
        this.store = store;
        this.local = local;
        this.subscriptions = subscriptions;
        this.publisher = publisher;
        this.settings = settings;
        this.timer = new Repeating("redis-heartbeat", settings.heartbeat(), this::beat);
    }

    void start() {
        timer.start();
    }

    /** One beat; each part on its own, so that a failing repair does not keep this node from reaping others. */
    void beat() {
        refreshAndRepair();
        reapSilentNodes();
    }

    private void refreshAndRepair() {
        try {
            boolean wasAlive = presence.beat(settings.nodeTtl());
            // A beat that found its heartbeat gone (this node stalled past the TTL, or Redis lost it), or Redis with
            // none of this node's entries while it has members: others may have reaped them, so re-assert.
            boolean reaped = (!wasAlive && beaten) || (!subscriptions.rooms().isEmpty() && presence.holdsNothing());
            beaten = true;
            if (store.needsRepair() || redisAway || reaped) {
                repair();
                if (redisAway) {
                    LOG.log(Level.INFO, "cluster presence reachable again; this node's entries repaired");
                }
                redisAway = false;
            }
        } catch (RuntimeException away) {
            if (!redisAway) {
                LOG.log(Level.WARNING, "heartbeat to Redis failed ({0}); will repair presence when it is back",
                        away.getClass().getSimpleName());
            }
            redisAway = true;
            store.repairLater();
        }
    }

    /**
     * Takes out the entries of every node whose heartbeat ran out, announcing the leaves; whichever node gets there
     * first reaps a dead node (an atomic script), so a dead node leaves within its TTL plus one beat of any survivor.
     */
    private void reapSilentNodes() {
        List<String> silent;
        try {
            silent = presence.silentNodes();
        } catch (RuntimeException away) {
            return; // Redis away: refreshAndRepair logged it; the next beat looks again
        }
        for (String dead : silent) {
            try {
                var left = presence.reap(dead);
                if (!left.isEmpty()) {
                    LOG.log(Level.WARNING, "node {0} stopped its heartbeat: {1} users left their rooms", dead,
                            left.size());
                }
                left.forEach(gone -> announce(gone.room(), gone.user().userId(), gone.user().name(),
                        RoomEvent.Presence.Kind.LEAVE));
            } catch (RuntimeException failed) {
                LOG.log(Level.WARNING, "reaping node {0} failed ({1}); the next beat tries again", dead,
                        failed.getClass().getSimpleName());
            }
        }
    }

    /** Every (room, user) this node holds or Redis holds for it, set to the node's truth. */
    private void repair() {
        Map<String, DisplayName> candidates = new LinkedHashMap<>();
        for (RoomName room : subscriptions.rooms()) {
            for (Member member : local.inRoom(room)) {
                candidates.putIfAbsent(RedisPresence.entry(room, member.userId()), member.name());
            }
        }
        for (String entry : presence.entries()) {
            if (!candidates.containsKey(entry)) {
                RoomName room = RedisPresence.roomOf(entry);
                UserId user = RedisPresence.userOf(entry);
                candidates.put(entry, presence.name(room, user).orElse(new DisplayName(user.value())));
            }
        }
        candidates.forEach((entry, name) -> {
            RoomName room = RedisPresence.roomOf(entry);
            UserId user = RedisPresence.userOf(entry);
            switch (store.sync(room, user, name)) {
                case ENTERED -> announce(room, user, name, RoomEvent.Presence.Kind.JOIN);
                case LEFT -> announce(room, user, name, RoomEvent.Presence.Kind.LEAVE);
                case NONE -> {
                }
            }
        });
    }

    private void announce(RoomName room, UserId user, DisplayName name, RoomEvent.Presence.Kind kind) {
        try {
            publisher.publish(Announcement.of(new RoomEvent.Presence(room, kind, user, name)));
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "announcing a presence change failed", failure);
        }
    }

    @Override
    public void close() {
        timer.close();
    }
}
