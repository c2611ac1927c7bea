package io.roomchat.adapter.postgres;

import io.roomchat.core.port.out.RoomBans;
import io.roomchat.testkit.PostgresServer;
import io.roomchat.testkit.RoomBansContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The shared contract on a real PostgreSQL; reopening closes the pool and connects to the same database again. */
class PostgresRoomBansTest extends RoomBansContract {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();
    private static String url;

    private PostgresChatStorage storage;

    @Override
    protected RoomBans createBans() {
        if (url == null) {
            url = POSTGRES.newDatabase();
        }
        storage = PostgresChatStorage.builder().url(url).user(PostgresServer.USER).poolSize(4).build();
        return storage.roomBans();
    }

    @Override
    protected boolean canReopen() {
        return true;
    }

    @Override
    protected RoomBans reopen() {
        storage.close();
        return createBans();
    }

    @AfterEach
    void closeStorage() {
        storage.close();
    }
}
