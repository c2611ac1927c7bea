package io.roomchat.adapter.jdbc;

import static io.roomchat.adapter.jdbc.H2Files.update;
import static io.roomchat.adapter.jdbc.H2Files.withDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {
    private static final List<String> VERSION_1 = List.of("db/V1__messages.sql");
    private static final List<String> WITH_VERSION_3 = List.of("db/V1__messages.sql",
            "db/V2__client_message_ids.sql", "db-upgrade-test/V3__message_pins.sql");

    @TempDir
    Path dataDir;

    private static int count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void a_database_at_version_2_is_upgraded_once_and_keeps_its_messages() throws SQLException {
        ChatMessage message = StorageProcess.message(new RoomName("general"), 0);
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            storage.messageStore().insert(message);
        }
        SchemaMigrations upgrade = new SchemaMigrations(WITH_VERSION_3);

        int first = withDatabase(dataDir, upgrade::migrate);
        int again = withDatabase(dataDir, upgrade::migrate);

        assertThat(first).isEqualTo(3);
        assertThat(again).isEqualTo(3);
        withDatabase(dataDir, connection -> {
            assertThat(count(connection, "SELECT COUNT(*) FROM schema_version")).isEqualTo(3);
            assertThat(count(connection, "SELECT COUNT(*) FROM messages WHERE message_id = '"
                    + message.id().value() + "' AND NOT pinned")).isEqualTo(1);
            assertThat(count(connection, "SELECT COUNT(*) FROM information_schema.indexes"
                    + " WHERE index_name = 'MESSAGES_PINNED'")).isEqualTo(1);
            return null;
        });
    }

    @Test
    void a_new_database_gets_every_version_and_an_older_build_then_refuses_it() throws SQLException {
        assertThat(withDatabase(dataDir, new SchemaMigrations(WITH_VERSION_3)::migrate)).isEqualTo(3);

        assertThatThrownBy(() -> withDatabase(dataDir, SchemaMigrations.ofThisBuild()::migrate))
                .isInstanceOf(ChatStorageException.class)
                .hasMessageContaining("schema version 3");
    }

    @Test
    void a_database_at_version_1_gains_client_keys_and_keeps_its_messages() throws SQLException {
        RoomName room = new RoomName("general");
        ChatMessage old = StorageProcess.message(room, 0);
        withDatabase(dataDir, new SchemaMigrations(VERSION_1)::migrate);
        withDatabase(dataDir, connection -> update(connection, "INSERT INTO messages (message_id, room, posted_at,"
                + " modified_at, author, author_name, text, deleted) VALUES ('" + old.id().value() + "', 'general', "
                + old.postedAt().toEpochMilli() + ", " + old.modifiedAt().toEpochMilli() + ", '"
                + old.author().value() + "', '" + old.authorName().value() + "', '" + old.text().value()
                + "', FALSE)"));
        ChatMessage keyed = StorageProcess.message(room, 1);
        ChatMessage resent = StorageProcess.message(room, 2);
        ClientMessageId key = new ClientMessageId("k-1");

        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            MessageStore store = storage.messageStore();
            assertThat(store.insert(keyed, key)).isEqualTo(new InsertOutcome.Stored());
            assertThat(store.insert(resent, key)).isEqualTo(new InsertOutcome.DuplicateOf(keyed));
            assertThat(store.page(room, HistoryCursor.latest(), 10).messages()).containsExactly(old, keyed);
        }
        assertThat(withDatabase(dataDir, SchemaMigrations.ofThisBuild()::migrate)).isEqualTo(2);
    }

    @Test
    void a_history_that_names_another_script_is_refused() throws SQLException {
        withDatabase(dataDir, SchemaMigrations.ofThisBuild()::migrate);
        withDatabase(dataDir, connection -> update(connection,
                "UPDATE schema_version SET script = 'V1__something_else.sql' WHERE version = 1"));

        assertThatThrownBy(() -> withDatabase(dataDir, SchemaMigrations.ofThisBuild()::migrate))
                .isInstanceOf(ChatStorageException.class)
                .hasMessageContaining("V1__something_else.sql");
    }

    @Test
    void scripts_must_be_numbered_from_1_without_gaps() {
        assertThatThrownBy(() -> new SchemaMigrations(List.of("db-upgrade-test/V3__message_pins.sql")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SchemaMigrations(List.of("db/messages.sql")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
