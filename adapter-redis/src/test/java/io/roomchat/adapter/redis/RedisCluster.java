package io.roomchat.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.RedisServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's cluster on the class's Redis ({@code @RegisterExtension} on an instance field): its nodes on one shared
 * in-memory message store, a room of the test's own, and the test's own connection to Redis (to act as another node
 * would); all closed after the test.
 */
final class RedisCluster implements AfterEachCallback {
    private final RedisServer redis;
    private final BusSettings settings;
    private final MessageStore messages = InMemoryChat.messageStore();
    private final RoomName room = new RoomName("room-" + UUID.randomUUID());
    private final List<Node> nodes = new ArrayList<>();
    private RedisClient client;
    private StatefulRedisConnection<String, String> connection;

    RedisCluster(RedisServer redis, BusSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    RedisCluster(RedisServer redis) {
        this(redis, BusSettings.DEFAULTS);
    }

    MessageStore messages() {
        return messages;
    }

    RoomName room() {
        return room;
    }

    /** A new node with the cluster's settings, closed after the test. */
    Node node() {
        return node(settings);
    }

    Node node(BusSettings nodeSettings) {
        Node node = new Node(redis.url(), messages, nodeSettings);
        nodes.add(node);
        return node;
    }

    /** The test's own connection to Redis, opened on first use. */
    RedisCommands<String, String> redis() {
        if (connection == null) {
            client = RedisClient.create(redis.url());
            connection = client.connect();
        }
        return connection.sync();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        nodes.forEach(Node::close);
        if (connection != null) {
            connection.close();
            client.shutdown();
        }
    }
}
