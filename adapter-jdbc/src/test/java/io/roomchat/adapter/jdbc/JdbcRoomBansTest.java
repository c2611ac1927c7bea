package io.roomchat.adapter.jdbc;

import io.roomchat.core.port.out.RoomBans;
import io.roomchat.testkit.RoomBansContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The shared contract on a real H2 file; reopening closes the database and opens the same directory again. */
class JdbcRoomBansTest extends RoomBansContract {
    @TempDir
    Path dataDir;

    private JdbcChatStorage storage;

    @Override
    protected RoomBans createBans() {
        storage = JdbcChatStorage.h2File(dataDir);
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
