package io.roomchat.adapter.postgres;

import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.testkit.ReadPositionsContract;
import io.roomchat.testkit.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared contract on a real PostgreSQL; reopening closes the pool and connects to the same database again. */
class PostgresReadPositionsTest extends ReadPositionsContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();
    private static String url;

    private PostgresChatStorage storage;

    @Override
    protected ReadPositions createPositions() {
        if (url == null) {
            url = POSTGRES.newDatabase();
        }
        storage = PostgresChatStorage.builder().url(url).user(PostgresServer.USER).poolSize(4).build();
        return storage.readPositions();
    }

    @Override
    protected boolean canReopen() {
        return true;
    }

    @Override
    protected ReadPositions reopen() {
        storage.close();
        return createPositions();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }
}
