package io.roomchat.adapter.jdbc;

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
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {
    private static final List<String> VERSION_1 = List.of("db/V1__messages.sql");
    /** The schema of the release before sequence numbers. */
    private static final List<String> VERSION_2 = List.of("db/V1__messages.sql", "db/V2__client_message_ids.sql");
    private static final List<String> WITH_NEXT_VERSION = List.of("db/V1__messages.sql",
            "db/V2__client_message_ids.sql", "db/V3__sequence_numbers.sql", "db/V4__read_positions.sql",
            "db-upgrade-test/V5__message_pins.sql");

    @TempDir
    Path dataDir;

    private static int count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void a_database_at_this_builds_version_is_upgraded_once_and_keeps_its_messages() throws SQLException {
        ChatMessage message = StorageProcess.message(new RoomName("general"), 0);
        try (JdbcChatStorage storage = JdbcChatStorage.h2File(dataDir)) {
            storage.messageStore().insert(message);
        }
        SchemaMigrations upgrade = new SchemaMigrations(WITH_NEXT_VERSION);

        int first = withDatabase(dataDir, upgrade::migrate);
        int again = withDatabase(dataDir, upgrade::migrate);

        assertThat(first).isEqualTo(5);
        assertThat(again).isEqualTo(5);
        withDatabase(dataDir, connection -> {
            assertThat(count(connection, "SELECT COUNT(*) FROM schema_version")).isEqualTo(5);
            assertThat(count(connection, "SELECT COUNT(*) FROM messages WHERE message_id = '"
                    + message.id().value() + "' AND NOT pinned")).isEqualTo(1);
            assertThat(count(connection, "SELECT COUNT(*) FROM information_schema.indexes"
                    + " WHERE index_name = 'MESSAGES_PINNED'")).isEqualTo(1);
            return null;
        });
    }

    @Test
    void a_new_database_gets_every_version_and_an_older_build_then_refuses_it() throws SQLException {
        assertThat(withDatabase(dataDir, new SchemaMigrations(WITH_NEXT_VERSION)::migrate)).isEqualTo(5);

        assertThatThrownBy(() -> withDatabase(dataDir, SchemaMigrations.ofThisBuild()::migrate))
                .isInstanceOf(ChatStorageException.class)
                .hasMessageContaining("schema version 5");
    }

    @Test
    void a_database_at_version_1_gains_client_keys_and_keeps_its_messages() throws SQLException {
        RoomName room = new RoomName("general");
        ChatMessage old = StorageProcess.message(room, 0);
        withDatabase(dataDir, new SchemaMigrations(VERSION_1)::migrate);
        withDatabase(dataDir, connection -> insertAsOlderBuild(connection, old));
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
        assertThat(withDatabase(dataDir, SchemaMigrations.ofThisBuild()::migrate)).isEqualTo(4);
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
        withDatabase(dataDir, new SchemaMigrations(VERSION_2)::migrate);
        withDatabase(dataDir, connection -> insertAsOlderBuild(connection, firstEdited)
                + insertAsOlderBuild(connection, second) + insertAsOlderBuild(connection, elsewhere));

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
        assertThat(withDatabase(dataDir, SchemaMigrations.ofThisBuild()::migrate)).isEqualTo(4);
    }

    /** A row as a build without seqs wrote it, whatever columns the schema now has beyond those. */
    private static int insertAsOlderBuild(Connection connection, ChatMessage message) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (message_id, room,"
                + " posted_at, modified_at, author, author_name, text, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, message.id().value());
            insert.setString(2, message.room().value());
            insert.setLong(3, message.postedAt().toEpochMilli());
            insert.setLong(4, message.modifiedAt().toEpochMilli());
            insert.setString(5, message.author().value());
            insert.setString(6, message.authorName().value());
            insert.setString(7, message.text() == null ? null : message.text().value());
            insert.setBoolean(8, message.deleted());
            return insert.executeUpdate();
        }
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
        assertThatThrownBy(() -> new SchemaMigrations(List.of("db-upgrade-test/V5__message_pins.sql")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SchemaMigrations(List.of("db/messages.sql")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
