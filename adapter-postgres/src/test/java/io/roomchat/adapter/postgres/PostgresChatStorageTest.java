package io.roomchat.adapter.postgres;

import static io.roomchat.testkit.Samples.T0;
import static io.roomchat.testkit.Samples.message;
import static io.roomchat.testkit.Samples.room;
import static io.roomchat.testkit.Samples.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.InsertOutcome;
import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.PostgresServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Opening, closing, and what a database that goes away does to the store. */
class PostgresChatStorageTest {
    @RegisterExtension
    static final PostgresServer POSTGRES = new PostgresServer();

    @Test
    void an_unreachable_database_fails_the_build_saying_where_and_why() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/chat";

        assertThatThrownBy(() -> PostgresChatStorage.builder().url(url + "?password=secret").user("chat").build())
                .isInstanceOf(ChatStorageException.class)
                .hasMessageStartingWith("cannot connect to the PostgreSQL database at " + url + ": ")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("secret");
    }

    @Test
    void a_url_of_another_database_is_refused_before_connecting() {
        assertThatThrownBy(() -> PostgresChatStorage.builder().url("jdbc:h2:mem:chat"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the database URL must start with jdbc:postgresql://");
    }

    @Test
    void a_missing_database_fails_the_build_with_the_servers_reason() {
        String url = POSTGRES.url("no_such_database");

        assertThatThrownBy(() -> PostgresChatStorage.builder().url(url).user(PostgresServer.USER).build())
                .isInstanceOf(ChatStorageException.class)
                .hasMessageContaining("no_such_database")
                .hasMessageContaining("does not exist");
    }

    @Test
    void opening_a_migrated_database_again_keeps_its_messages() {
        String url = POSTGRES.newDatabase();
        RoomName room = room();
        try (PostgresChatStorage first = PostgresChatStorage.builder().url(url).user(PostgresServer.USER).build()) {
            first.messageStore().insert(message(room, user(), T0));
        }
        try (PostgresChatStorage again = PostgresChatStorage.builder().url(url).user(PostgresServer.USER).build()) {
            assertThat(again.messageStore().latestSeq(room)).isEqualTo(1);
        }
    }

    @Test
    void a_database_of_the_schema_before_deleters_reads_its_deleted_messages_as_deleted_by_their_authors()
            throws SQLException {
        String url = POSTGRES.newDatabase();
        Flyway.configure().dataSource(url, PostgresServer.USER, null).locations("classpath:db/migration/postgres")
                .target("1").load().migrate();
        RoomName room = room();
        UserId author = user();
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, null);
             Statement insert = connection.createStatement()) {
            insert.executeUpdate("INSERT INTO messages (message_id, room, posted_at, modified_at, author,"
                    + " author_name, text, deleted, seq) VALUES ('m-1', '" + room.value() + "', 1000, 2000, '"
                    + author.value() + "', 'Ada', NULL, TRUE, 1)");
        }

        try (PostgresChatStorage storage = PostgresChatStorage.builder().url(url).user(PostgresServer.USER).build()) {
            ChatMessage deleted = storage.messageStore().page(room, HistoryCursor.latest(), 10).messages().get(0);

            assertThat(deleted.deleted()).isTrue();
            assertThat(deleted.deletedBy()).isEqualTo(author);
        }
    }

    @Test
    void a_closed_storage_fails_every_call() {
        PostgresChatStorage storage = PostgresChatStorage.builder().url(POSTGRES.newDatabase())
                .user(PostgresServer.USER).build();
        storage.close();
        storage.close();

        assertThatThrownBy(() -> storage.messageStore().latestSeq(room())).isInstanceOf(ChatStorageException.class);
        assertThatThrownBy(() -> storage.readPositions().position(user(), room()))
                .isInstanceOf(ChatStorageException.class);
    }

    @Test
    void while_the_database_is_down_posts_fail_storing_nothing_and_work_again_once_it_is_back() {
        RoomName room = room();
        UserId author = user();
        try (PostgresChatStorage storage = PostgresChatStorage.builder().url(POSTGRES.newDatabase())
                .user(PostgresServer.USER).connectionTimeout(Duration.ofSeconds(1)).build()) {
            MessageStore store = storage.messageStore();
            store.insert(message(room, author, T0));

            POSTGRES.stop();
            // A pooled connection the restart broke may fail one more call after the server is back; the pool
            // then replaces it. Either way the failed calls store nothing and give their seqs back.
            try {
                assertThatThrownBy(() -> store.insert(message(room, author, T0.plusMillis(1))))
                        .isInstanceOf(ChatStorageException.class);
            } finally {
                POSTGRES.start();
            }

            InsertOutcome after = firstSuccess(() -> store.insert(message(room, author, T0.plusMillis(2))));
            assertThat(((InsertOutcome.Stored) after).message().seq()).isEqualTo(2);
            assertThat(store.page(room, new HistoryCursor.Since(0), 10).messages()).hasSize(2);
        }
    }

    /** Retries a call that fails with a storage failure, for at most 30 s. */
    private static InsertOutcome firstSuccess(Supplier<InsertOutcome> call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return call.get();
            } catch (ChatStorageException stillFailing) {
                if (System.nanoTime() > deadline) {
                    throw stillFailing;
                }
            }
        }
    }
}
