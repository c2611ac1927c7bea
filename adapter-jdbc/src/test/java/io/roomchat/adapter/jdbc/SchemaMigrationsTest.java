package io.roomchat.adapter.jdbc;

import static io.roomchat.adapter.jdbc.H2Files.migrate;
import static io.roomchat.adapter.jdbc.H2Files.update;
import static io.roomchat.adapter.jdbc.H2Files.withDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.EditOutcome;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {
    /** This build's scripts and a made-up next one, as a newer build would ship them. */
    private static final SchemaMigrations NEXT_BUILD = new SchemaMigrations(SchemaMigrations.THIS_BUILD,
            "classpath:io/roomchat/adapter/jdbc/db-upgrade-test");
    private static final int THIS_VERSION = 6;

    @TempDir
    Path dataDir;

    private static int count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Flyway's history: "version description" per row, in order. */
    private List<String> flywayHistory() throws SQLException {
        return withDatabase(dataDir, connection -> {
            List<String> rows = new ArrayList<>();
            try (ResultSet history = connection.createStatement().executeQuery("SELECT \"version\","
                    + " \"description\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\"")) {
                while (history.next()) {
                    rows.add(history.getString(1) + " " + history.getString(2));
                }
            }
            return rows;
        });
    }

    private boolean hasOldHistory() throws SQLException {
        return withDatabase(dataDir, connection -> count(connection, "SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_name = 'SCHEMA_VERSION'") == 1);
    }

    @Test
    void a_new_database_gets_every_script_once_in_flyways_history() throws SQLException {
        JdbcChatStorage.h2File(dataDir).close();
        JdbcChatStorage.h2File(dataDir).close();

        assertThat(flywayHistory()).containsExactly("1 messages", "2 client message ids", "3 sequence numbers",
                "4 read positions", "5 deleters", "6 room bans");
        assertThat(hasOldHistory()).isFalse();
    }

    @Test
    void a_data_directory_of_the_release_before_flyway_is_converted_once_and_keeps_everything() throws SQLException {
        RoomName room = new RoomName("general");
        ChatMessage kept = StorageProcess.message(room, 0);
        ChatMessage deleted = StorageProcess.message(room, 1);
        UserId reader = new UserId("reader");
        // As the current release leaves a directory: its runner's history at version 4, a message deleted by its
        // author (no deleter column yet), a read position.
        withDatabase(dataDir, connection -> ReleaseBeforeFlyway.writeSchema(connection, 4)
                + insertAsOlderBuild(connection, kept.withSeq(1))
                + insertAsOlderBuild(connection, deleted.apply(new MessageChange.Erase(),
                        StorageProcess.T0.plusSeconds(5)).withSeq(3))
                + update(connection, "INSERT INTO room_seqs (room, seq) VALUES ('general', 3)")
                + update(connection, "INSERT INTO read_positions (author, room, posted_at) VALUES ('reader',"
                        + " 'general', " + kept.postedAt().toEpochMilli() + ")"));

        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            MessageStore store = storage.messageStore();
            List<ChatMessage> history = store.page(room, HistoryCursor.latest(), 10).messages();
            assertThat(history).hasSize(2);
            assertThat(history.get(0)).isEqualTo(kept.withSeq(1));
            assertThat(history.get(1).deleted()).isTrue();
            assertThat(history.get(1).deletedBy()).as("deleted before deleters: by its author")
                    .isEqualTo(deleted.author());
            assertThat(storage.readPositions().position(reader, room)).contains(kept.postedAt());
            ChatMessage next = ((InsertOutcome.Stored) store.insert(StorageProcess.message(room, 2))).message();
            assertThat(next.seq()).isEqualTo(4);
            storage.roomBans().ban(room, reader, StorageProcess.T0.plusSeconds(60));
        }
        try (JdbcChatStorage again = JdbcChatStorage.h2File(dataDir)) {
            assertThat(again.roomBans().bannedUntil(room, reader, StorageProcess.T0)).isPresent();
            assertThat(again.messageStore().page(room, HistoryCursor.latest(), 10).messages()).hasSize(3);
        }

        assertThat(hasOldHistory()).isFalse();
        assertThat(flywayHistory()).containsExactly("4 converted from schema_version", "5 deleters", "6 room bans");
    }

    @Test
    void a_database_at_version_1_gains_client_keys_and_keeps_its_messages() throws SQLException {
        RoomName room = new RoomName("general");
        ChatMessage old = StorageProcess.message(room, 0);
        withDatabase(dataDir, connection -> ReleaseBeforeFlyway.writeSchema(connection, 1)
                + insertAsOlderBuild(connection, old));
        ChatMessage keyed = StorageProcess.message(room, 1);
        ChatMessage resent = StorageProcess.message(room, 2);
        ClientMessageId key = new ClientMessageId("k-1");

        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            MessageStore store = storage.messageStore();
            assertThat(store.insert(keyed, key)).isEqualTo(new InsertOutcome.Stored(keyed.withSeq(2)));
            assertThat(store.insert(resent, key)).isEqualTo(new InsertOutcome.DuplicateOf(keyed.withSeq(2)));
            assertThat(store.page(room, HistoryCursor.latest(), 10).messages())
                    .containsExactly(old.withSeq(1), keyed.withSeq(2));
        }
        assertThat(flywayHistory()).containsExactly("1 converted from schema_version", "2 client message ids",
                "3 sequence numbers", "4 read positions", "5 deleters", "6 room bans");
    }

    @Test
    void a_database_of_the_release_before_seqs_numbers_its_messages_by_latest_change_and_keeps_working()
            throws SQLException {
        RoomName general = new RoomName("general");
        RoomName random = new RoomName("random");
        // As the previous release left them: the first message edited after the second was posted.
        ChatMessage first = StorageProcess.message(general, 0);
        ChatMessage second = StorageProcess.message(general, 1);
        ChatMessage firstEdited = first.apply(new MessageChange.Replace(new MessageText("edited")),
                StorageProcess.T0.plusSeconds(5));
        ChatMessage elsewhere = StorageProcess.message(random, 2);
        withDatabase(dataDir, connection -> ReleaseBeforeFlyway.writeSchema(connection, 2)
                + insertAsOlderBuild(connection, firstEdited) + insertAsOlderBuild(connection, second)
                + insertAsOlderBuild(connection, elsewhere));

        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            MessageStore store = storage.messageStore();
            assertThat(store.page(general, new HistoryCursor.Since(0), 10).messages())
                    .containsExactly(second.withSeq(1), firstEdited.withSeq(2));
            assertThat(store.latestSeq(general)).isEqualTo(2);
            assertThat(store.latestSeq(random)).isEqualTo(1);

            ChatMessage third = ((InsertOutcome.Stored) store.insert(StorageProcess.message(general, 3))).message();
            EditOutcome deleted = store.edit(general, new MessageRef.ById(second.id()), second.author(),
                    new MessageChange.Erase(), StorageProcess.T0.plusSeconds(9));

            assertThat(third.seq()).isEqualTo(3);
            assertThat(((EditOutcome.Edited) deleted).message().seq()).isEqualTo(4);
            assertThat(store.page(general, new HistoryCursor.Since(2), 10).messages())
                    .extracting(ChatMessage::id).containsExactly(third.id(), second.id());
        }
    }

    /** A row as a build without seqs or deleters wrote it, whatever columns the schema now has beyond those. */
    private static int insertAsOlderBuild(Connection connection, ChatMessage message) throws SQLException {
        boolean withSeq = message.seq() > 0;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (message_id, room,"
                + " posted_at, modified_at, author, author_name, text, deleted" + (withSeq ? ", seq" : "")
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?" + (withSeq ? ", ?" : "") + ")")) {
            insert.setString(1, message.id().value());
            insert.setString(2, message.room().value());
            insert.setLong(3, message.postedAt().toEpochMilli());
            insert.setLong(4, message.modifiedAt().toEpochMilli());
            insert.setString(5, message.author().value());
            insert.setString(6, message.authorName().value());
            insert.setString(7, message.text() == null ? null : message.text().value());
            insert.setBoolean(8, message.deleted());
            if (withSeq) {
                insert.setLong(9, message.seq());
            }
            return insert.executeUpdate();
        }
    }

    @Test
    void an_old_history_that_names_another_script_is_refused_and_left_as_it_was() throws SQLException {
        withDatabase(dataDir, connection -> ReleaseBeforeFlyway.writeSchema(connection, 4)
                + update(connection, "UPDATE schema_version SET script = 'V1__something_else.sql' WHERE version = 1"));

        assertThatThrownBy(() -> JdbcChatStorage.h2File(dataDir))
                .isInstanceOf(ChatStorageException.class)
                .hasMessageContaining("V1__something_else.sql");
        assertThat(hasOldHistory()).isTrue();
        int flywayTables = withDatabase(dataDir, connection -> count(connection, "SELECT COUNT(*) FROM"
                + " information_schema.tables WHERE table_name = 'flyway_schema_history'"));
        assertThat(flywayTables).isZero();
    }

    @Test
    void an_old_history_with_nothing_applied_gets_every_script() throws SQLException {
        // The old runner created its table and committed before its first script: a start that died in V1.
        withDatabase(dataDir, connection -> ReleaseBeforeFlyway.writeSchema(connection, 0));

        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            assertThat(storage.messageStore().insert(StorageProcess.message(new RoomName("general"), 0)))
                    .isInstanceOf(InsertOutcome.Stored.class);
        }

        assertThat(hasOldHistory()).isFalse();
        assertThat(flywayHistory()).containsExactly("0 converted from schema_version", "1 messages",
                "2 client message ids", "3 sequence numbers", "4 read positions", "5 deleters", "6 room bans");
    }

    @Test
    void an_old_history_beyond_any_release_is_refused() throws SQLException {
        withDatabase(dataDir, connection -> ReleaseBeforeFlyway.writeSchema(connection, 4) + update(connection,
                "INSERT INTO schema_version (version, script) VALUES (5, 'V5__from_the_future.sql')"));

        assertThatThrownBy(() -> JdbcChatStorage.h2File(dataDir))
                .isInstanceOf(ChatStorageException.class)
                .hasMessageContaining("schema version 5");
        assertThat(hasOldHistory()).isTrue();
    }

    @Test
    void a_conversion_that_stopped_after_its_baseline_finishes_on_the_next_open() throws SQLException {
        withDatabase(dataDir, connection -> ReleaseBeforeFlyway.writeSchema(connection, 4));
        Flyway.configure().dataSource(H2Files.dataSource(dataDir)).baselineVersion("4")
                .baselineDescription("converted from schema_version").load().baseline();

        JdbcChatStorage.h2File(dataDir).close();

        assertThat(hasOldHistory()).isFalse();
        assertThat(flywayHistory()).containsExactly("4 converted from schema_version", "5 deleters", "6 room bans");
    }

    @Test
    void a_database_a_newer_build_migrated_still_opens_and_keeps_its_newer_schema() throws SQLException {
        ChatMessage message = StorageProcess.message(new RoomName("general"), 0);
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            storage.messageStore().insert(message);
        }

        assertThat(migrate(dataDir, NEXT_BUILD)).isEqualTo(THIS_VERSION + 1);
        assertThat(migrate(dataDir, NEXT_BUILD)).as("again: nothing to run").isEqualTo(THIS_VERSION + 1);

        try (JdbcChatStorage older = JdbcChatStorage.h2File(dataDir)) {
            assertThat(older.messageStore().page(message.room(), HistoryCursor.latest(), 10).messages())
                    .containsExactly(message.withSeq(1));
            assertThat(older.messageStore().insert(StorageProcess.message(message.room(), 1)))
                    .isInstanceOf(InsertOutcome.Stored.class);
        }
        withDatabase(dataDir, connection -> {
            assertThat(count(connection, "SELECT COUNT(*) FROM messages WHERE NOT pinned")).isEqualTo(2);
            assertThat(count(connection, "SELECT COUNT(*) FROM information_schema.indexes"
                    + " WHERE index_name = 'MESSAGES_PINNED'")).isEqualTo(1);
            return null;
        });
    }

    @Test
    void an_edited_script_is_refused_by_its_checksum() throws SQLException {
        JdbcChatStorage.h2File(dataDir).close();
        withDatabase(dataDir, connection -> update(connection,
                "UPDATE \"flyway_schema_history\" SET \"checksum\" = 42 WHERE \"version\" = '5'"));

        assertThatThrownBy(() -> JdbcChatStorage.h2File(dataDir))
                .isInstanceOf(ChatStorageException.class)
                .hasMessageContaining("checksum");
    }

}
