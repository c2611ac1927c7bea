package io.roomchat.testkit;

import static io.roomchat.testkit.Samples.connection;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ConnectionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionStore} must do. An adapter runs it by a subclass that says how to build its store;
 * tests use random ids, so the store may be shared between tests.
 */
public abstract class ConnectionStoreContract {

    protected ConnectionStore store;

    /** A store to test: new, or shared between tests (ids are random). */
    protected abstract ConnectionStore createStore();

    @BeforeEach
    void createStoreUnderTest() {
        store = createStore();
    }

    private static Membership in(RoomName room, String name) {
        return new Membership(room, new DisplayName(name));
    }

    @Test
    void an_added_connection_is_found_with_everything_it_was_stored_with() {
        Connection connection = connection(user());
        store.add(connection);

        assertThat(store.find(connection.id())).contains(connection);
    }

    @Test
    void a_connection_keeps_its_tokens_expiry_through_a_join() {
        Instant exp = Instant.parse("2026-12-01T10:00:00.123Z");
        Connection connection = Connection.opened(Samples.connectionId(), new Identity(user(), exp), Samples.T0);
        store.add(connection);

        assertThat(store.find(connection.id()).orElseThrow().tokenExpiry()).contains(exp);
        assertThat(store.join(connection.id(), in(room(), "Ada")).orElseThrow().tokenExpiry()).contains(exp);
    }

    @Test
    void an_unknown_connection_is_not_found() {
        assertThat(store.find(Samples.connectionId())).isEmpty();
    }

    @Test
    void a_new_connection_is_in_no_room() {
        Connection connection = connection(user());
        store.add(connection);

        assertThat(store.find(connection.id()).orElseThrow().currentMembership()).isEmpty();
    }

    @Test
    void joining_records_the_room_and_name_and_lists_the_connection_in_that_room() {
        Connection connection = connection(user());
        RoomName room = room();
        store.add(connection);

        var joined = store.join(connection.id(), in(room, "Ada"));

        assertThat(joined).contains(connection.joining(in(room, "Ada")));
        assertThat(store.find(connection.id())).isEqualTo(joined);
        assertThat(store.inRoom(room)).containsExactly(joined.orElseThrow());
    }

    @Test
    void joining_another_room_leaves_the_first() {
        Connection connection = connection(user());
        RoomName first = room();
        RoomName second = room();
        store.add(connection);

        store.join(connection.id(), in(first, "Ada"));
        store.join(connection.id(), in(second, "Ada"));

        assertThat(store.inRoom(first)).isEmpty();
        assertThat(store.inRoom(second)).extracting(Connection::id).containsExactly(connection.id());
    }

    @Test
    void joining_the_same_room_again_changes_the_name_without_a_second_entry() {
        Connection connection = connection(user());
        RoomName room = room();
        store.add(connection);

        store.join(connection.id(), in(room, "Ada"));
        store.join(connection.id(), in(room, "Ada L."));

        assertThat(store.inRoom(room)).singleElement()
                .satisfies(member -> assertThat(member.membership().name().value()).isEqualTo("Ada L."));
    }

    @Test
    void joining_with_an_unknown_connection_stores_nothing() {
        ConnectionId unknown = Samples.connectionId();
        RoomName room = room();

        assertThat(store.join(unknown, in(room, "Ghost"))).isEmpty();
        assertThat(store.inRoom(room)).isEmpty();
        assertThat(store.find(unknown)).isEmpty();
    }

    @Test
    void a_room_lists_only_its_own_members() {
        RoomName room = room();
        RoomName other = room();
        List<ConnectionId> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Connection member = connection(user());
            store.add(member);
            store.join(member.id(), in(room, "member " + i));
            members.add(member.id());
        }
        Connection outsider = connection(user());
        store.add(outsider);
        store.join(outsider.id(), in(other, "outsider"));
        Connection roomless = connection(user());
        store.add(roomless);

        assertThat(store.inRoom(room)).extracting(Connection::id).containsExactlyInAnyOrderElementsOf(members);
    }

    @Test
    void a_removed_connection_is_gone_from_its_room_and_from_lookups() {
        Connection connection = connection(user());
        RoomName room = room();
        store.add(connection);
        store.join(connection.id(), in(room, "Ada"));

        store.remove(connection.id());

        assertThat(store.find(connection.id())).isEmpty();
        assertThat(store.inRoom(room)).isEmpty();
    }

    @Test
    void removing_an_unknown_connection_does_nothing() {
        Connection connection = connection(user());
        store.add(connection);

        store.remove(Samples.connectionId());

        assertThat(store.find(connection.id())).contains(connection);
    }

    @Test
    void concurrent_joins_and_moves_leave_each_connection_in_exactly_its_last_room() throws Exception {
        List<RoomName> rooms = List.of(room(), room(), room());
        int connections = 24;
        int movesEach = 10;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Connection>> finalStates = new ArrayList<>();
        try {
            for (int c = 0; c < connections; c++) {
                Connection connection = connection(user());
                store.add(connection);
                finalStates.add(pool.submit(() -> {
                    start.await();
                    Connection last = null;
                    for (int m = 0; m < movesEach; m++) {
                        RoomName target = rooms.get(ThreadLocalRandom.current().nextInt(rooms.size()));
                        last = store.join(connection.id(), in(target, "mover")).orElseThrow();
                    }
                    return last;
                }));
            }
            start.countDown();
            for (Future<Connection> state : finalStates) {
                Connection last = state.get();
                for (RoomName room : rooms) {
                    long listed = store.inRoom(room).stream().filter(c -> c.id().equals(last.id())).count();
                    assertThat(listed).as("times %s is listed in %s", last.id(), room)
                            .isEqualTo(last.isIn(room) ? 1 : 0);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
