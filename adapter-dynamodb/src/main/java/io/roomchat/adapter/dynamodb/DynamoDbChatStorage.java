package io.roomchat.adapter.dynamodb;

import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.FrameBudgets;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.core.port.out.RoomBans;
import io.roomchat.core.port.out.TypingGate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The chat's storage on DynamoDB: the module's one public door. Build it from settings (it then owns, and
 * {@linkplain #close() closes}, its SDK client) or around a client of your own:
 *
 * <pre>{@code
 * DynamoDbChatStorage storage = DynamoDbChatStorage.fromEnvironment();         // CONNECTIONS_TABLE, MESSAGES_TABLE, ...
 * DynamoDbChatStorage local = DynamoDbChatStorage.builder()
 *         .settings(DynamoDbSettings.defaults().withEndpoint(URI.create("http://127.0.0.1:8000")))
 *         .build()
 *         .createTablesIfMissing();
 * ChatCore.builder().connectionStore(storage.connectionStore()).messageStore(storage.messageStore())
 *     .readPositions(storage.readPositions())...      // and storage.roomBans()
 * }</pre>
 *
 * Both stores are thread-safe and turn every SDK failure into {@code ChatStorageException}.
 */
public final class DynamoDbChatStorage implements AutoCloseable {
    /** API Gateway closes a WebSocket after 2 hours at most; the margin covers clock skew and TTL's granularity. */
    public static final Duration DEFAULT_CONNECTION_LIFETIME = Duration.ofHours(2).plusMinutes(10);
    private static final Duration TABLE_CREATION_TIMEOUT = Duration.ofMinutes(5);

    private final DynamoDbClient dynamo;
    private final boolean ownsClient;
    private final List<TableDefinition> tables;
    private final DynamoDbConnectionStore connectionStore;
    private final DynamoDbMessageStore messageStore;
    private final DynamoDbReadPositions readPositions;
    private final DynamoDbRoomBans roomBans;
    private final DynamoDbFrameBudgets frameBudgets;
    private final DynamoDbTypingGate typingGate;

    private DynamoDbChatStorage(Builder builder) {
        this.ownsClient = builder.client == null;
        this.dynamo = ownsClient ? builder.settings.clientBuilder().build() : builder.client;
        this.tables = tables(builder.settings.connectionsTable(), builder.settings.messagesTable());
        this.connectionStore = new DynamoDbConnectionStore(dynamo, builder.settings.connectionsTable(),
                builder.connectionLifetime);
        this.messageStore = new DynamoDbMessageStore(dynamo, builder.settings.messagesTable());
        this.readPositions = new DynamoDbReadPositions(dynamo, builder.settings.messagesTable());
        this.roomBans = new DynamoDbRoomBans(dynamo, builder.settings.messagesTable());
        this.frameBudgets = new DynamoDbFrameBudgets(dynamo, builder.settings.connectionsTable());
        this.typingGate = new DynamoDbTypingGate(dynamo, builder.settings.connectionsTable());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Storage as {@link DynamoDbSettings#fromEnvironment()} describes it, with its own client. */
    public static DynamoDbChatStorage fromEnvironment() {
        return builder().settings(DynamoDbSettings.fromEnvironment()).build();
    }

    /** The two tables under the given names: the definitions a deployment template must match. */
    public static List<TableDefinition> tables(String connectionsTable, String messagesTable) {
        return List.of(ChatTables.connections(connectionsTable), ChatTables.messages(messagesTable));
    }

    public List<TableDefinition> tables() {
        return tables;
    }

    public ConnectionStore connectionStore() {
        return connectionStore;
    }

    public MessageStore messageStore() {
        return messageStore;
    }

    /** Read positions, kept as items of the messages table. */
    public ReadPositions readPositions() {
        return readPositions;
    }

    /** Room bans, kept as items of the messages table, which every function and node shares. */
    public RoomBans roomBans() {
        return roomBans;
    }

    /** Frame budgets kept in the connection records, for bindings whose frames reach many processes. */
    public FrameBudgets frameBudgets() {
        return frameBudgets;
    }

    /** The typing throttle on the membership items, so that it holds across function instances. */
    public TypingGate typingGate() {
        return typingGate;
    }

    /**
     * Creates whichever table is missing, waits until every table and index is ACTIVE, and turns on the
     * connection records' TTL where the endpoint supports it. For local runs and tests.
     *
     * @throws io.roomchat.core.port.out.ChatStorageException if that fails, or an existing table has other keys
     */
    public DynamoDbChatStorage createTablesIfMissing() {
        new TableCreation(dynamo, TABLE_CREATION_TIMEOUT).createIfMissing(tables);
        return this;
    }

    /** Closes the SDK client if this storage built it; a client passed in stays open. */
    @Override
    public void close() {
        if (ownsClient) {
            dynamo.close();
        }
    }

    public static final class Builder {
        private DynamoDbSettings settings = DynamoDbSettings.defaults();
        private DynamoDbClient client;
        private Duration connectionLifetime = DEFAULT_CONNECTION_LIFETIME;

        private Builder() {
        }

        /** Table names, and the client's configuration unless {@link #client} is given too. */
        public Builder settings(DynamoDbSettings settings) {
            this.settings = Objects.requireNonNull(settings);
            return this;
        }

        /** A client of your own, used as is and not closed by {@link #close()}. */
        public Builder client(DynamoDbClient client) {
            this.client = Objects.requireNonNull(client);
            return this;
        }

        /**
         * How long after {@code connectedAt} a connection record expires through TTL (default
         * {@link #DEFAULT_CONNECTION_LIFETIME}, for API Gateway). A self-hosted server, whose sockets may live
         * longer, sets it above its longest connection's life.
         */
        public Builder connectionLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime);
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("connection lifetime must be positive");
            }
            this.connectionLifetime = lifetime;
            return this;
        }

        public DynamoDbChatStorage build() {
            return new DynamoDbChatStorage(this);
        }
    }
}
