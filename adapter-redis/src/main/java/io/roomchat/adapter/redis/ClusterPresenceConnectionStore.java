package io.roomchat.adapter.redis;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPresence;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Departure;
import io.roomchat.core.port.out.JoinOutcome;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * This node's connection store, with presence judged across the cluster: a join that brings a user's first
 * connection on this node into a room is "first" only if no other node has the user there, a leave that takes its
 * last one out here is "last" only if no other node has the user there ({@link RedisPresence}); the listing and
 * the count of users present are the cluster's. With Redis away it answers as the node alone would, and asks for
 * a repair ({@link #needsRepair()}).
 *
 * <p>Each (room, user) change sets this node's entry to the local truth read under the room's stripe lock, after the
 * local write: racing joins and leaves of one user on this node end with the entry right, whichever runs last.
 */
final class ClusterPresenceConnectionStore extends ForwardingConnectionStore {
    private static final System.Logger LOG = System.getLogger(ClusterPresenceConnectionStore.class.getName());
    private static final int STRIPES = 64;

    private final RedisPresence presence;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    private final AtomicBoolean repair = new AtomicBoolean();

    ClusterPresenceConnectionStore(ConnectionStore local, RedisPresence presence) {
        super(local);
        this.presence = presence;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public JoinOutcome join(ConnectionId id, Membership membership, int maxRooms) {
        return judged(local.join(id, membership, maxRooms), membership);
    }

    @Override
    public JoinOutcome switchTo(ConnectionId id, Membership membership) {
        return judged(local.switchTo(id, membership), membership);
    }

    @Override
    public Optional<Departure> leave(ConnectionId id, RoomName room) {
        return local.leave(id, room).map(this::judged);
    }

    @Override
    public List<Departure> remove(ConnectionId id) {
        return local.remove(id).stream().map(this::judged).toList();
    }

    @Override
    public RoomPresence presence(RoomName room, int maxListed) {
        return orLocal(() -> presence.presence(room, maxListed), () -> local.presence(room, maxListed));
    }

    @Override
    public int usersPresent(RoomName room, List<Member> here) {
        return orLocal(() -> presence.usersPresent(room), () -> local.usersPresent(room, here));
    }

    /**
     * Sets this node's entry for {@code user} in {@code room} to what the local store holds now.
     *
     * @throws RuntimeException when Redis is away
     */
    RedisPresence.Change sync(RoomName room, UserId user, DisplayName fallbackName) {
        ReentrantLock lock = stripes[Math.floorMod(room.hashCode(), STRIPES)];
        lock.lock();
        try {
            Optional<Member> here = local.inRoom(room).stream()
                    .filter(member -> member.userId().equals(user)).findFirst();
            return presence.sync(room, user, here.map(Member::name).orElse(fallbackName), here.isPresent());
        } finally {
            lock.unlock();
        }
    }

    /** Whether a change could not reach Redis since the last call: the entries need a repair. */
    boolean needsRepair() {
        return repair.getAndSet(false);
    }

    void repairLater() {
        repair.set(true);
    }

    private JoinOutcome judged(JoinOutcome outcome, Membership membership) {
        if (!(outcome instanceof JoinOutcome.Joined joined)) {
            return outcome;
        }
        List<Departure> left = joined.left().stream().map(this::judged).toList();
        // Synced on every join, not only a user's first here: a rejoin renames the user in the cluster's listing.
        boolean first = changed(membership.room(), joined.connection().userId(), membership.name(),
                RedisPresence.Change.ENTERED) && joined.firstOfUser();
        return new JoinOutcome.Joined(joined.connection(), first, left);
    }

    private Departure judged(Departure departure) {
        if (!departure.lastOfUser()) {
            return departure;
        }
        boolean last = changed(departure.room(), departure.member().userId(), departure.member().name(),
                RedisPresence.Change.LEFT);
        return new Departure(departure.room(), departure.member(), last);
    }

    /** Whether syncing the entry made the cluster change as {@code expected}; with Redis away, as locally. */
    private boolean changed(RoomName room, UserId user, DisplayName name, RedisPresence.Change expected) {
        try {
            return sync(room, user, name) == expected;
        } catch (RuntimeException redisAway) {
            if (!repair.getAndSet(true)) {
                LOG.log(Level.WARNING, "cluster presence unreachable ({0}); judging presence on this node until "
                        + "Redis is back", redisAway.getClass().getSimpleName());
            }
            return true;
        }
    }

    private <T> T orLocal(Supplier<T> cluster, Supplier<T> alone) {
        try {
            return cluster.get();
        } catch (RuntimeException redisAway) {
            repair.set(true);
            return alone.get();
        }
    }
}
