package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code CHAT_STORE=postgres} without a usable database: one line saying what to fix; exit 1 when the database does
 * not answer (the same settings may work later), exit 2 when the settings themselves cannot work.
 */
class PostgresStartupTest {

    @Test
    void an_unreachable_database_is_a_one_line_start_up_error() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/chat";

        String error = TestServer.startupError(Main.UNAVAILABLE, Map.of("CHAT_STORE", "postgres",
                "CHAT_DATABASE_URL", url,
                "CHAT_DATABASE_USER", "chat", "CHAT_DATABASE_PASSWORD", "a-password"));

        assertThat(error).doesNotContain("\n").doesNotContain("a-password")
                .startsWith("chat-server: PostgreSQL: cannot connect to the PostgreSQL database at " + url + ": ")
                .contains("refused");
    }

    @Test
    void the_database_may_be_given_by_flags() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/chat";

        String error = TestServer.startupError(Main.UNAVAILABLE, Map.of("CHAT_STORE", "postgres"),
                "--database-url", url,
                "--database-user", "chat", "--database-password", "a-password");

        assertThat(error).startsWith("chat-server: PostgreSQL: cannot connect to the PostgreSQL database at " + url);
    }

    @Test
    void a_missing_database_url_is_a_one_line_start_up_error() {
        assertThat(TestServer.startupError(Map.of("CHAT_STORE", "postgres")))
                .isEqualTo("chat-server: CHAT_STORE=postgres needs CHAT_DATABASE_URL (or --database-url), "
                        + "jdbc:postgresql://host[:port]/database");
    }

    @Test
    void a_url_of_another_kind_is_a_one_line_start_up_error() {
        assertThat(TestServer.startupError(Map.of("CHAT_STORE", "postgres", "CHAT_DATABASE_URL", "jdbc:h2:mem:x")))
                .isEqualTo("chat-server: PostgreSQL: the database URL must start with jdbc:postgresql://");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
