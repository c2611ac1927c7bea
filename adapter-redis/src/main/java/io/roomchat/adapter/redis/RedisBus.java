package io.roomchat.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.BroadcastUseCase;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.RoomEventPublisher;
import io.roomchat.wire.WireCodec;
import java.lang.System.Logger.Level;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A Redis bus between server nodes that share one message store: the one public door of this module. Every room
 * event goes to its room's channel; each node subscribes to the rooms it has members in and delivers their stored
 * messages in {@code seq} order, none missing and none twice, reading gaps and outages from the store, and their
 * presence, typing and read events on arrival. Wire a node with
 *
 * <pre>{@code
 * RedisBus bus = RedisBus.connect("redis://host:6379", messages, connections);
 * ChatCore core = ChatCore.builder()
 *         .connectionStore(bus.connectionStore())
 *         .messageStore(messages)
 *         .publisherUsing(bus::publisher)
 *         ...
 * }</pre>
 */
public final class RedisBus implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RedisBus.class.getName());
    /** Reconnect soon after Redis comes back, but do not hammer it while it is away. */
    private static final Delay RECONNECT = Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(2), 2,
            TimeUnit.MILLISECONDS);
    private static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(2);
    /** Subscriptions wait at most this many commands while the bus is down; reconnecting subscribes again. */
    private static final int QUEUED_WHILE_DOWN = 10_000;

    private final ClientResources resources;
    private final RedisClient subscriberClient;
    private final RedisClient publisherClient;
    private final StatefulRedisPubSubConnection<String, String> subscriber;
    private final StatefulRedisConnection<String, String> publisherConnection;
    private final ScheduledExecutorService worker;
    private final RoomSubscriptions subscriptions;
    private final StatefulRedisConnection<String, String> presenceConnection;
    private final ClusterPresenceConnectionStore connectionStore;
    private final Heartbeats heartbeats;
    private final RedisRoomEventPublisher publisher;
    /** This node's id on the bus, new at every start. */
    private final String node = UUID.randomUUID().toString();

    private RedisBus(RedisURI uri, MessageStore messages, ConnectionStore localConnections, BusSettings settings) {
        resources = ClientResources.builder().reconnectDelay(RECONNECT).build();
        worker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "redis-bus");
            thread.setDaemon(true);
            return thread;
        });
        try {
            subscriberClient = RedisClient.create(resources, uri);
            // Subscriptions asked for while the bus is down wait for it (bounded).
            subscriberClient.setOptions(ClientOptions.builder().requestQueueSize(QUEUED_WHILE_DOWN).build());
            publisherClient = RedisClient.create(resources, uri);
            // Publications do not: the store has them, and queued ones would only arrive late.
            publisherClient.setOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
            subscriber = subscriberClient.connectPubSub();
            publisherConnection = publisherClient.connect();
            presenceConnection = publisherClient.connect();
            // Presence calls run in the callers' threads: a Redis that stops answering must not hold them long.
            presenceConnection.setTimeout(PRESENCE_TIMEOUT);
        } catch (RedisException unreachable) {
            closeQuietly();
            throw new IllegalStateException("cannot reach Redis at " + uri.getHost() + ":" + uri.getPort() + ": "
                    + unreachable.getMessage(), unreachable);
        }
        WireCodec codec = WireCodec.create();
        subscriptions = new RoomSubscriptions(localConnections, messages, subscriber.async(), worker, codec, settings,
                node);
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String payload) {
                subscriptions.received(channel, payload);
            }

            @Override
            public void subscribed(String channel, long count) {
                subscriptions.confirmed(channel);
            }
        });
        subscriberClient.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                LOG.log(Level.INFO, "Redis bus connected");
                worker.execute(subscriptions::resubscribeAll);
                // A Redis that restarted may have lost every presence entry: the next heartbeat re-asserts ours.
                if (connectionStore != null) {
                    connectionStore.repairLater();
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                LOG.log(Level.WARNING, "Redis bus disconnected; reconnecting, then catching rooms up from the store");
            }
        });
        publisher = new RedisRoomEventPublisher(publisherConnection.async(), subscriptions, codec, node);
        RedisPresence presence = new RedisPresence(presenceConnection.sync(), node);
        connectionStore = new ClusterPresenceConnectionStore(
                new SubscribingConnectionStore(localConnections, subscriptions), presence);
        heartbeats = new Heartbeats(presence, connectionStore, localConnections, subscriptions, publisher, settings);
        heartbeats.start();
    }

    /**
     * Connects to Redis at {@code redisUrl} ({@code redis://[user:password@]host:port}) for a node whose messages
     * are in {@code messages} (shared by every node) and whose own connections are in {@code localConnections}.
     *
     * @throws IllegalArgumentException when {@code redisUrl} is not a Redis URL (the message does not quote it)
     * @throws IllegalStateException    when Redis cannot be reached now
     */
    public static RedisBus connect(String redisUrl, MessageStore messages, ConnectionStore localConnections) {
        return connect(redisUrl, messages, localConnections, BusSettings.DEFAULTS);
    }

    static RedisBus connect(String redisUrl, MessageStore messages, ConnectionStore localConnections,
                            BusSettings settings) {
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(localConnections, "localConnections");
        RedisURI uri;
        try {
            // Lettuce takes "host:notaport" as a host name to look up; java.net.URI finds no host there.
            if (URI.create(redisUrl).getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            uri = RedisURI.create(redisUrl);
        } catch (RuntimeException invalid) {
            // Lettuce's message may quote the URL, password and all.
            throw new IllegalArgumentException("the Redis URL is not redis://[user:password@]host:port");
        }
        return new RedisBus(uri, messages, localConnections, settings);
    }

    /**
     * The node's connection store to build the core with: it subscribes the node to the rooms it has members in, and
     * judges presence (first in, last out, who is present, how many) across the cluster.
     */
    public ConnectionStore connectionStore() {
        return connectionStore;
    }

    /** For {@code ChatCore.Builder.publisherUsing}: events from the bus go to {@code broadcast}. */
    public RoomEventPublisher publisher(BroadcastUseCase broadcast) {
        subscriptions.broadcastWith(Objects.requireNonNull(broadcast));
        return publisher;
    }

    /** Events published to Redis / publications that failed (the bus was down) since start. */
    public long published() {
        return publisher.published();
    }

    public long publishFailures() {
        return publisher.failures();
    }

    /** Events received from Redis for the rooms this node is subscribed to (its own posts included) since start. */
    public long received() {
        return subscriptions.received();
    }

    /** Gaps read from the store after the hold time / rooms caught up from the store after a (re)subscription. */
    public long gapFills() {
        return subscriptions.gapFills();
    }

    public long catchUps() {
        return subscriptions.catchUps();
    }

    /**
     * Whether both of the node's Redis connections are open now. False while Redis is down or being reconnected
     * to: posts are then stored but reach other nodes' members only once it is back (then caught up).
     */
    public boolean isConnected() {
        return subscriber.isOpen() && publisherConnection.isOpen();
    }

    /** This node's id on the bus (for tests that play another node). */
    String node() {
        return node;
    }

    boolean isSubscribed(RoomName room) {
        return subscriptions.isSubscribed(room);
    }

    @Override
    public void close() {
        closeQuietly();
    }

    /**
     * Stops this node's bus, heartbeat included, without taking its presence entries out: connections disconnected
     * before close have left already; any left behind are reaped by the other nodes once the heartbeat runs out.
     */
    private void closeQuietly() {
        if (heartbeats != null) {
            heartbeats.close();
        }
        if (subscriberClient != null) {
            subscriberClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (publisherClient != null) {
            publisherClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        resources.shutdown(0, 2, TimeUnit.SECONDS);
        worker.shutdownNow();
    }
}
