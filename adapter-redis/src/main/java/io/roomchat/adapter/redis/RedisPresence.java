package io.roomchat.adapter.redis;

import io.lettuce.core.MapScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.sync.RedisCommands;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.PresentUser;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPresence;
import io.roomchat.core.domain.UserId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is present in which room across the cluster, in Redis. Per room, a hash of users present to the number of
 * nodes they are present on ({@code roomchat:presence:<room>}) and a hash of their names; per node, the set of its
 * (room, user) entries ({@code roomchat:node-presence:<node>}) and a heartbeat key with a TTL; one set of the nodes
 * that hold entries. Each change is one Lua script, so it is atomic however many nodes race. Every call may throw
 * Lettuce's exceptions when Redis is away; the caller falls back and repairs later.
 */
final class RedisPresence {
    private static final String ROOM_USERS = "roomchat:presence:";
    private static final String ROOM_NAMES = "roomchat:presence-names:";
    private static final String NODE_ENTRIES = "roomchat:node-presence:";
    private static final String HEARTBEAT = "roomchat:node:";
    private static final String NODES = "roomchat:nodes";

    /** KEYS node set, room users, room names, nodes; ARGV entry, user, name, node, present (1/0). */
    private static final String SYNC = """
            local present = ARGV[5] == '1'
            if present then
              redis.call('SADD', KEYS[4], ARGV[4])
              redis.call('HSET', KEYS[3], ARGV[2], ARGV[3])
              if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
              if redis.call('HINCRBY', KEYS[2], ARGV[2], 1) == 1 then return 1 end
              return 0
            end
            if redis.call('SREM', KEYS[1], ARGV[1]) == 0 then return 0 end
            if redis.call('HINCRBY', KEYS[2], ARGV[2], -1) <= 0 then
              redis.call('HDEL', KEYS[2], ARGV[2])
              redis.call('HDEL', KEYS[3], ARGV[2])
              return -1
            end
            return 0
            """;

    /**
     * KEYS node set, nodes, heartbeat; ARGV node, room-users prefix, room-names prefix. Unless the node's heartbeat
     * is back, takes every entry of the node out; returns entry, name pairs of the users then absent from their room.
     * One atomic step, so the first node to run it reaps and any other finds nothing left: no claim to hold, and
     * none left behind when a reaper fails or when the node is reaped again later.
     */
    private static final String REAP = """
            if redis.call('EXISTS', KEYS[3]) == 1 then return {} end
            local absent = {}
            for _, entry in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local cut = string.find(entry, '\\n', 1, true)
              local room = string.sub(entry, 1, cut - 1)
              local user = string.sub(entry, cut + 1)
              if redis.call('HINCRBY', ARGV[2] .. room, user, -1) <= 0 then
                local name = redis.call('HGET', ARGV[3] .. room, user)
                redis.call('HDEL', ARGV[2] .. room, user)
                redis.call('HDEL', ARGV[3] .. room, user)
                table.insert(absent, entry)
                table.insert(absent, name or user)
              end
            end
            redis.call('DEL', KEYS[1])
            redis.call('SREM', KEYS[2], ARGV[1])
            return absent
            """;

    private final RedisCommands<String, String> redis;
    private final String node;

    RedisPresence(RedisCommands<String, String> redis, String node) {
        this.redis = redis;
        this.node = node;
    }

    /** A user's presence in a room across the cluster changed: entered (first node) or left (last node). */
    enum Change {
        ENTERED,
        LEFT,
        NONE
    }

    /** One (room, user) whose presence a reap or a repair changed. */
    record Transition(RoomName room, PresentUser user, Change change) {
    }

    /** Makes this node's entry for {@code user} in {@code room} say {@code present}, and how the cluster changed. */
    Change sync(RoomName room, UserId user, DisplayName name, boolean present) {
        long result = redis.eval(SYNC, ScriptOutputType.INTEGER,
                new String[] {NODE_ENTRIES + node, ROOM_USERS + room.value(), ROOM_NAMES + room.value(), NODES},
                entry(room, user), user.value(), name.value(), node, present ? "1" : "0");
        return result > 0 ? Change.ENTERED : result < 0 ? Change.LEFT : Change.NONE;
    }

    /** This node's (room, user) entries as Redis holds them, for a repair. */
    Set<String> entries() {
        return redis.smembers(NODE_ENTRIES + node);
    }

    /** The name a user is listed under in a room, if listed. */
    Optional<DisplayName> name(RoomName room, UserId user) {
        return Optional.ofNullable(redis.hget(ROOM_NAMES + room.value(), user.value())).map(DisplayName::new);
    }

    static String entry(RoomName room, UserId user) {
        return room.value() + "\n" + user.value();
    }

    static RoomName roomOf(String entry) {
        return new RoomName(entry.substring(0, entry.indexOf('\n')));
    }

    static UserId userOf(String entry) {
        return new UserId(entry.substring(entry.indexOf('\n') + 1));
    }

    /** Users present in {@code room} on any node, listing at most {@code maxListed}. */
    RoomPresence presence(RoomName room, int maxListed) {
        int count = Math.toIntExact(redis.hlen(ROOM_USERS + room.value()));
        List<PresentUser> listed = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        while (listed.size() < maxListed && !cursor.isFinished()) {
            MapScanCursor<String, String> page = redis.hscan(ROOM_NAMES + room.value(), cursor,
                    ScanArgs.Builder.limit(Math.max(10, maxListed)));
            for (Map.Entry<String, String> user : page.getMap().entrySet()) {
                if (listed.size() < Math.min(maxListed, count)) {
                    listed.add(new PresentUser(new UserId(user.getKey()), new DisplayName(user.getValue())));
                }
            }
            cursor = page;
        }
        return new RoomPresence(count, listed);
    }

    int usersPresent(RoomName room) {
        return Math.toIntExact(redis.hlen(ROOM_USERS + room.value()));
    }

    /**
     * This node is alive for {@code ttl} more.
     *
     * @return whether its heartbeat was still there: if not, other nodes may have reaped its entries
     */
    boolean beat(Duration ttl) {
        String before = redis.setGet(HEARTBEAT + node, "1", SetArgs.Builder.px(ttl.toMillis()));
        redis.sadd(NODES, node);
        return before != null;
    }

    /** Whether Redis holds no entry of this node (reaped, or lost with a restarted Redis). */
    boolean holdsNothing() {
        return redis.scard(NODE_ENTRIES + node) == 0;
    }

    /** Nodes that hold presence entries but whose heartbeat has run out. */
    List<String> silentNodes() {
        List<String> silent = new ArrayList<>();
        for (String other : redis.smembers(NODES)) {
            if (!other.equals(node) && redis.exists(HEARTBEAT + other) == 0) {
                silent.add(other);
            }
        }
        return silent;
    }

    /**
     * Takes a silent node's entries out, unless its heartbeat is back; whichever node runs this first for a dead
     * node reaps it, in one atomic script.
     *
     * @return the users then absent from their rooms, each a {@link Change#LEFT}; empty when another node reaped it
     */
    List<Transition> reap(String silent) {
        List<Object> absent = redis.eval(REAP, ScriptOutputType.MULTI,
                new String[] {NODE_ENTRIES + silent, NODES, HEARTBEAT + silent}, silent, ROOM_USERS, ROOM_NAMES);
        List<Transition> left = new ArrayList<>();
        for (int i = 0; i + 1 < absent.size(); i += 2) {
            String entry = (String) absent.get(i);
            PresentUser user = new PresentUser(userOf(entry), new DisplayName((String) absent.get(i + 1)));
            left.add(new Transition(roomOf(entry), user, Change.LEFT));
        }
        return left;
    }
}
