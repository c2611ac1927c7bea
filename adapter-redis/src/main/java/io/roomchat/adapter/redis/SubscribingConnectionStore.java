package io.roomchat.adapter.redis;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Departure;
import io.roomchat.core.port.out.JoinOutcome;
import java.util.List;
import java.util.Optional;

/**
 * This node's connection store, telling the bus after each change of a room's memberships, so that the node is
 * subscribed exactly to the rooms it has members in: on the first local member, off after the last.
 */
final class SubscribingConnectionStore extends ForwardingConnectionStore {
    private final RoomSubscriptions subscriptions;

    SubscribingConnectionStore(ConnectionStore local, RoomSubscriptions subscriptions) {
        super(local);
        this.subscriptions = subscriptions;
    }

    @Override
    public JoinOutcome join(ConnectionId id, Membership membership, int maxRooms) {
        JoinOutcome outcome = local.join(id, membership, maxRooms);
        subscriptions.reconcile(membership.room());
        return outcome;
    }

    @Override
    public JoinOutcome switchTo(ConnectionId id, Membership membership) {
        JoinOutcome outcome = local.switchTo(id, membership);
        subscriptions.reconcile(membership.room());
        if (outcome instanceof JoinOutcome.Joined joined) {
            left(joined.left());
        }
        return outcome;
    }

    @Override
    public Optional<Departure> leave(ConnectionId id, RoomName room) {
        Optional<Departure> departure = local.leave(id, room);
        subscriptions.reconcile(room);
        return departure;
    }

    @Override
    public List<Departure> remove(ConnectionId id) {
        List<Departure> departures = local.remove(id);
        left(departures);
        return departures;
    }

    private void left(List<Departure> departures) {
        departures.forEach(departure -> subscriptions.reconcile(departure.room()));
    }
}
