package io.roomchat.adapter.jetty.boot;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.roomchat.adapter.dynamodb.DynamoDbChatStorage;
import io.roomchat.adapter.dynamodb.DynamoDbSettings;
import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.adapter.jdbc.JdbcChatStorage;
import io.roomchat.adapter.postgres.PostgresChatStorage;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.core.port.out.RoomBans;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The stores the server runs on. Messages, read positions and room bans go where {@code CHAT_STORE} says. Connection
 * records always stay in this process's memory, whatever the store: they describe sockets that only this process holds.
 * Persisting them would leave ghosts after a crash or restart (every one a failed delivery until it is cleaned up), and
 * on a shared table a second server would see the first one's sockets as its own and remove them as gone.
 * {@code reachable} probes a store in another process (PostgreSQL) for {@code /health}; an in-process one has none.
 * {@code meters} are the store's own at {@code /metrics} (H2's syncs); the other stores have none.
 */
record Storage(String description, ConnectionStore connections, MessageStore messages, ReadPositions readPositions,
               RoomBans roomBans, Optional<BooleanSupplier> reachable, MeterBinder meters, AutoCloseable resources)
        implements AutoCloseable {
    private static final MeterBinder NO_METERS = registry -> { };

    static Storage open(ServerOptions options) {
        ConnectionStore connections = InMemoryChat.connectionStore();
        return switch (options.store) {
            case MEMORY -> new Storage("memory", connections, InMemoryChat.messageStore(),
                    InMemoryChat.readPositions(), InMemoryChat.roomBans(), Optional.empty(), NO_METERS, () -> { });
            case H2 -> h2(options.dataDir, connections);
            case DYNAMODB -> dynamoDb(options.dynamodbEndpoint, connections);
            case POSTGRES -> postgres(options, connections);
        };
    }

    /**
     * Messages in PostgreSQL, which other nodes may share. Connection records stay in this process (above): on a
     * single node that is all there is; across nodes, fan-out between them is the bus's part.
     */
    private static Storage postgres(ServerOptions options, ConnectionStore connections) {
        if (options.databaseUrl == null) {
            throw new StartupException("CHAT_STORE=postgres needs CHAT_DATABASE_URL (or --database-url), "
                    + "jdbc:postgresql://host[:port]/database");
        }
        try {
            PostgresChatStorage storage = PostgresChatStorage.builder().url(options.databaseUrl)
                    .user(options.databaseUser).password(options.databasePassword).build();
            return new Storage("postgres (" + storage.database() + ")", connections, storage.messageStore(),
                    storage.readPositions(), storage.roomBans(), Optional.of(storage::isReachable), NO_METERS, storage);
        } catch (IllegalArgumentException invalid) {
            throw new StartupException("PostgreSQL: " + invalid.getMessage(), invalid);
        } catch (ChatStorageException unusable) {
            throw StartupException.unavailable("PostgreSQL: " + unusable.getMessage(), unusable);
        }
    }

    private static Storage h2(Path dataDir, ConnectionStore connections) {
        Path directory = dataDir.toAbsolutePath().normalize();
        try {
            H2SyncMeters syncs = new H2SyncMeters();
            JdbcChatStorage storage = JdbcChatStorage.h2File(directory, syncs);
            return new Storage("h2 (" + directory + ")", connections, storage.messageStore(),
                    storage.readPositions(), storage.roomBans(), Optional.empty(), syncs, storage);
        } catch (ChatStorageException unusable) {
            throw new StartupException(unusable.getMessage(), unusable);
        }
    }

    /**
     * Messages in DynamoDB: table names and region as {@link DynamoDbSettings#fromEnvironment()} reads them
     * ({@code MESSAGES_TABLE}, {@code AWS_REGION}, ...). With a local endpoint (dynalite, DynamoDB Local) missing
     * tables are created; against AWS itself they are expected to exist (deployed from the SAM template).
     */
    private static Storage dynamoDb(URI endpoint, ConnectionStore connections) {
        DynamoDbSettings settings = DynamoDbSettings.fromEnvironment();
        if (endpoint != null) {
            settings = settings.withEndpoint(endpoint);
        }
        DynamoDbChatStorage storage = DynamoDbChatStorage.builder().settings(settings).build();
        try {
            if (endpoint != null) {
                storage.createTablesIfMissing();
            }
            String where = endpoint == null ? "AWS" : endpoint.toString();
            return new Storage("dynamodb (" + where + ", table " + settings.messagesTable() + ")", connections,
                    storage.messageStore(), storage.readPositions(), storage.roomBans(), Optional.empty(), NO_METERS,
                    storage);
        } catch (ChatStorageException unusable) {
            storage.close();
            throw new StartupException("DynamoDB: " + unusable.getMessage(), unusable);
        }
    }

    /** Flushes and closes the message store. */
    @Override
    public void close() throws Exception {
        resources.close();
    }
}
