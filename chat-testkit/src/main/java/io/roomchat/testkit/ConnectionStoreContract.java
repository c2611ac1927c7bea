package io.roomchat.testkit;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.connection;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.AccessGrants;
import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.PresentUser;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPattern;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.Departure;
import io.roomchat.core.port.out.JoinOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
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
    private static final int MAX_ROOMS = 50;

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

    private Connection added(UserId user) {
        Connection connection = connection(user);
        store.add(connection);
        return connection;
    }

    private Connection addedV2(UserId user) {
        Connection connection = Connection.opened(Samples.connectionId(), user, T0, Protocol.V2);
        store.add(connection);
        return connection;
    }

    private JoinOutcome.Joined joined(JoinOutcome outcome) {
        assertThat(outcome).isInstanceOf(JoinOutcome.Joined.class);
        return (JoinOutcome.Joined) outcome;
    }

    private JoinOutcome.Joined join(Connection connection, RoomName room, String name) {
        return joined(store.join(connection.id(), in(room, name), MAX_ROOMS));
    }

    private static Member member(Connection connection, String name) {
        return new Member(connection.id(), connection.userId(), new DisplayName(name), connection.protocol());
    }

    @Test
    void an_added_connection_is_found_with_everything_it_was_stored_with() {
        Connection connection = added(user());

        assertThat(store.find(connection.id())).contains(connection);
    }

    @Test
    void a_connection_keeps_its_protocol() {
        Connection connection = addedV2(user());
        RoomName room = room();
        join(connection, room, "Ada");

        assertThat(store.find(connection.id()).orElseThrow().protocol()).isEqualTo(Protocol.V2);
        assertThat(store.inRoom(room)).containsExactly(member(connection, "Ada"));
    }

    @Test
    void a_connection_keeps_its_tokens_grants_through_joins_and_leaves() {
        AccessGrants grants = AccessGrants.of(List.of(new RoomPattern("team-*"), new RoomPattern("a.b[c]")),
                List.of(new RoomPattern("team-a")));
        Connection connection = Connection.opened(Samples.connectionId(), new Identity(user(), Optional.empty(),
                grants), T0, Protocol.V2);
        store.add(connection);
        RoomName room = room();

        assertThat(store.find(connection.id()).orElseThrow().grants()).isEqualTo(grants);
        assertThat(join(connection, room, "Ada").connection().grants()).isEqualTo(grants);
        store.leave(connection.id(), room);
        assertThat(store.find(connection.id()).orElseThrow().grants()).isEqualTo(grants);
    }

    @Test
    void an_empty_rooms_grant_stays_a_grant_that_admits_nothing_and_no_grants_stay_none() {
        AccessGrants nothing = AccessGrants.of(List.of(), List.of());
        Connection limited = Connection.opened(Samples.connectionId(), new Identity(user(), Optional.empty(),
                nothing), T0);
        store.add(limited);
        Connection open = added(user());

        assertThat(store.find(limited.id()).orElseThrow().grants()).isEqualTo(nothing);
        assertThat(store.find(open.id()).orElseThrow().grants()).isEqualTo(AccessGrants.NONE);
    }

    @Test
    void a_connection_keeps_its_tokens_expiry_through_a_join() {
        Instant exp = Instant.parse("2026-12-01T10:00:00.123Z");
        Connection connection = Connection.opened(Samples.connectionId(), new Identity(user(), exp), Samples.T0);
        store.add(connection);

        assertThat(store.find(connection.id()).orElseThrow().tokenExpiry()).contains(exp);
        assertThat(join(connection, room(), "Ada").connection().tokenExpiry()).contains(exp);
        assertThat(store.find(connection.id()).orElseThrow().tokenExpiry()).contains(exp);
    }

    @Test
    void an_unknown_connection_is_not_found() {
        assertThat(store.find(Samples.connectionId())).isEmpty();
    }

    @Test
    void a_new_connection_is_in_no_room() {
        Connection connection = added(user());

        assertThat(store.find(connection.id()).orElseThrow().rooms()).isEmpty();
    }

    @Test
    void joining_records_the_room_and_name_and_lists_the_connection_in_that_room() {
        Connection connection = added(user());
        RoomName room = room();

        var joined = join(connection, room, "Ada");

        assertThat(joined.connection()).isEqualTo(connection.joining(in(room, "Ada")));
        assertThat(joined.left()).isEmpty();
        assertThat(store.find(connection.id())).contains(joined.connection());
        assertThat(store.inRoom(room)).containsExactly(member(connection, "Ada"));
    }

    @Test
    void a_connection_may_be_in_many_rooms_and_is_listed_in_each() {
        Connection connection = addedV2(user());
        List<RoomName> rooms = List.of(room(), room(), room());

        rooms.forEach(room -> join(connection, room, "Ada in " + room.value()));

        assertThat(store.find(connection.id()).orElseThrow().rooms()).containsOnlyKeys(rooms);
        for (RoomName room : rooms) {
            assertThat(store.inRoom(room)).containsExactly(member(connection, "Ada in " + room.value()));
        }
    }

    @Test
    void one_room_over_the_limit_is_refused_and_changes_nothing_but_renaming_in_a_joined_room_is_not_one_more() {
        Connection connection = addedV2(user());
        RoomName first = room();
        RoomName second = room();
        RoomName third = room();
        store.join(connection.id(), in(first, "Ada"), 2);
        store.join(connection.id(), in(second, "Ada"), 2);

        assertThat(store.join(connection.id(), in(third, "Ada"), 2)).isInstanceOf(JoinOutcome.TooManyRooms.class);
        assertThat(store.inRoom(third)).isEmpty();
        assertThat(store.find(connection.id()).orElseThrow().rooms()).containsOnlyKeys(first, second);

        joined(store.join(connection.id(), in(second, "Ada L."), 2));
        assertThat(store.inRoom(second)).containsExactly(member(connection, "Ada L."));
    }

    @Test
    void switching_to_another_room_leaves_every_other_and_says_which() {
        Connection connection = added(user());
        RoomName first = room();
        RoomName second = room();
        RoomName target = room();
        join(connection, first, "Ada");
        join(connection, second, "Ada 2");

        var switched = joined(store.switchTo(connection.id(), in(target, "Ada")));

        assertThat(switched.left()).extracting(Departure::room).containsExactlyInAnyOrder(first, second);
        assertThat(switched.left()).allSatisfy(departure -> assertThat(departure.lastOfUser()).isTrue());
        assertThat(switched.connection().rooms()).containsOnlyKeys(target);
        assertThat(store.inRoom(first)).isEmpty();
        assertThat(store.inRoom(second)).isEmpty();
        assertThat(store.inRoom(target)).extracting(Member::connectionId).containsExactly(connection.id());
    }

    @Test
    void joining_the_same_room_again_changes_the_name_without_a_second_entry_or_a_first_arrival() {
        Connection connection = added(user());
        RoomName room = room();
        join(connection, room, "Ada");

        var again = join(connection, room, "Ada L.");
        var switchedToIt = joined(store.switchTo(connection.id(), in(room, "Ada Lovelace")));

        assertThat(again.firstOfUser()).isFalse();
        assertThat(switchedToIt.firstOfUser()).isFalse();
        assertThat(switchedToIt.left()).isEmpty();
        assertThat(store.inRoom(room)).containsExactly(member(connection, "Ada Lovelace"));
    }

    @Test
    void joining_with_an_unknown_connection_stores_nothing() {
        ConnectionId unknown = Samples.connectionId();
        RoomName room = room();

        assertThat(store.join(unknown, in(room, "Ghost"), MAX_ROOMS)).isInstanceOf(JoinOutcome.UnknownConnection.class);
        assertThat(store.switchTo(unknown, in(room, "Ghost"))).isInstanceOf(JoinOutcome.UnknownConnection.class);
        assertThat(store.inRoom(room)).isEmpty();
        assertThat(store.find(unknown)).isEmpty();
    }

    @Test
    void leaving_one_room_keeps_the_others_and_says_what_the_connection_was_there() {
        Connection connection = addedV2(user());
        RoomName left = room();
        RoomName kept = room();
        join(connection, left, "Ada here");
        join(connection, kept, "Ada there");

        var departure = store.leave(connection.id(), left);

        assertThat(departure).contains(new Departure(left, member(connection, "Ada here"), true));
        assertThat(store.inRoom(left)).isEmpty();
        assertThat(store.inRoom(kept)).containsExactly(member(connection, "Ada there"));
        assertThat(store.find(connection.id()).orElseThrow().rooms()).containsOnlyKeys(kept);
    }

    @Test
    void leaving_a_room_not_joined_or_as_an_unknown_connection_changes_nothing() {
        Connection connection = added(user());
        RoomName room = room();
        join(connection, room, "Ada");

        assertThat(store.leave(connection.id(), room())).isEmpty();
        assertThat(store.leave(Samples.connectionId(), room)).isEmpty();
        assertThat(store.inRoom(room)).extracting(Member::connectionId).containsExactly(connection.id());
    }

    @Test
    void a_room_lists_only_its_own_members() {
        RoomName room = room();
        RoomName other = room();
        List<ConnectionId> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Connection member = added(user());
            join(member, room, "member " + i);
            members.add(member.id());
        }
        join(added(user()), other, "outsider");
        added(user());

        assertThat(store.inRoom(room)).extracting(Member::connectionId).containsExactlyInAnyOrderElementsOf(members);
    }

    @Test
    void a_removed_connection_is_gone_from_its_rooms_and_lookups_and_says_where_it_was() {
        Connection connection = addedV2(user());
        RoomName first = room();
        RoomName second = room();
        join(connection, first, "Ada");
        join(connection, second, "Ada 2");

        List<Departure> departures = store.remove(connection.id());

        assertThat(departures).containsExactlyInAnyOrder(new Departure(first, member(connection, "Ada"), true),
                new Departure(second, member(connection, "Ada 2"), true));
        assertThat(store.find(connection.id())).isEmpty();
        assertThat(store.inRoom(first)).isEmpty();
        assertThat(store.inRoom(second)).isEmpty();
    }

    @Test
    void removing_an_unknown_connection_does_nothing() {
        Connection connection = added(user());

        assertThat(store.remove(Samples.connectionId())).isEmpty();

        assertThat(store.find(connection.id())).contains(connection);
    }

    @Test
    void a_users_first_connection_in_a_room_arrives_and_its_last_one_out_leaves() {
        UserId user = user();
        RoomName room = room();
        Connection phone = addedV2(user);
        Connection laptop = addedV2(user);
        Connection tablet = added(user);

        assertThat(join(phone, room, "Bob").firstOfUser()).isTrue();
        assertThat(join(laptop, room, "Bob").firstOfUser()).isFalse();
        assertThat(joined(store.switchTo(tablet.id(), in(room, "Bob"))).firstOfUser()).isFalse();
        assertThat(join(added(user()), room, "Someone else").firstOfUser()).isTrue();

        assertThat(store.leave(phone.id(), room).orElseThrow().lastOfUser()).isFalse();
        assertThat(store.remove(laptop.id())).singleElement().satisfies(d -> assertThat(d.lastOfUser()).isFalse());
        assertThat(store.leave(tablet.id(), room).orElseThrow().lastOfUser()).isTrue();
    }

    @Test
    void presence_counts_distinct_users_and_lists_at_most_the_number_asked_for() {
        RoomName room = room();
        UserId twice = user();
        join(added(twice), room, "Twice");
        join(addedV2(twice), room, "Twice");
        join(added(user()), room, "Once");
        join(addedV2(user()), room, "Also once");
        join(added(user()), room(), "Elsewhere");

        var all = store.presence(room, 100);
        var two = store.presence(room, 2);
        var none = store.presence(room, 0);

        assertThat(all.count()).isEqualTo(3);
        assertThat(all.listed()).extracting(PresentUser::name).extracting(DisplayName::value)
                .containsExactlyInAnyOrder("Twice", "Once", "Also once");
        assertThat(two.count()).isEqualTo(3);
        assertThat(two.listed()).hasSize(2).doesNotHaveDuplicates();
        assertThat(none.count()).isEqualTo(3);
        assertThat(none.listed()).isEmpty();
        assertThat(store.presence(room(), 100).count()).isZero();
    }

    @Test
    void connections_of_one_user_joining_and_leaving_at_once_arrive_once_and_leave_once() throws Exception {
        UserId user = user();
        RoomName room = room();
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            connections.add(addedV2(user));
        }

        List<Boolean> firsts = atOnce(connections, c -> join(c, room, "Bob").firstOfUser());
        assertThat(firsts).filteredOn(first -> first).hasSize(1);

        List<Boolean> lasts = atOnce(connections, c -> ThreadLocalRandom.current().nextBoolean()
                ? store.leave(c.id(), room).orElseThrow().lastOfUser()
                : store.remove(c.id()).get(0).lastOfUser());
        assertThat(lasts).filteredOn(last -> last).hasSize(1);
        assertThat(store.presence(room, 100).count()).isZero();
    }

    @Test
    void concurrent_switches_leave_each_connection_in_exactly_its_last_room() throws Exception {
        List<RoomName> rooms = List.of(room(), room(), room());
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < 24; c++) {
            connections.add(added(user()));
        }

        List<Connection> finalStates = atOnce(connections, connection -> {
            Connection last = null;
            for (int m = 0; m < 10; m++) {
                RoomName target = rooms.get(ThreadLocalRandom.current().nextInt(rooms.size()));
                last = joined(store.switchTo(connection.id(), in(target, "mover"))).connection();
            }
            return last;
        });

        for (Connection last : finalStates) {
            for (RoomName room : rooms) {
                long listed = store.inRoom(room).stream().filter(m -> m.connectionId().equals(last.id())).count();
                assertThat(listed).as("times %s is listed in %s", last.id(), room).isEqualTo(last.isIn(room) ? 1 : 0);
            }
        }
        Map<RoomName, Integer> present = new HashMap<>();
        rooms.forEach(room -> present.put(room, store.presence(room, 0).count()));
        for (RoomName room : rooms) {
            assertThat(present.get(room)).as("users present in %s", room)
                    .isEqualTo((int) finalStates.stream().filter(c -> c.isIn(room)).count());
        }
    }

    /** Runs {@code work} for every connection at once, on its own thread, and collects the results in order. */
    private static <T> List<T> atOnce(List<Connection> connections, Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> results = new ArrayList<>();
            for (Connection connection : connections) {
                Callable<T> task = () -> {
                    start.await();
                    return work.on(connection);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<T> collected = new ArrayList<>();
            for (Future<T> result : results) {
                collected.add(result.get());
            }
            return collected;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(Connection connection) throws Exception;
    }
}
