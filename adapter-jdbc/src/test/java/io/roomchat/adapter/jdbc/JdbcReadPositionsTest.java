package io.roomchat.adapter.jdbc;

import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.testkit.ReadPositionsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The shared contract on a real H2 file; reopening closes the database and opens the same directory again. */
class JdbcReadPositionsTest extends ReadPositionsContract {
    @TempDir
    Path dataDir;

    private JdbcChatStorage storage;

    @Override
    protected ReadPositions createPositions() {
        storage = JdbcChatStorage.h2File(dataDir);
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
