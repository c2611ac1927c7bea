package io.roomchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteServerTest {

    @Test
    void a_repository_without_npm_ci_fails_and_says_to_run_it(@TempDir Path repository) throws IOException {
        Files.writeString(repository.resolve("package.json"), "{}");
        Path module = Files.createDirectories(repository.resolve("some-module"));

        assertThatThrownBy(() -> new DynaliteServer(module).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("npm ci")
                .hasMessageContaining(repository.toString());
    }

    @Test
    void the_repository_root_is_the_nearest_directory_with_a_package_json(@TempDir Path repository)
            throws IOException {
        Files.writeString(repository.resolve("package.json"), "{}");
        Path deep = Files.createDirectories(repository.resolve("a/b/c"));

        assertThat(DynaliteServer.repositoryRoot(deep)).isEqualTo(repository);
    }

    @Test
    void a_started_server_listens_on_loopback_until_stopped() throws Exception {
        DynaliteServer server = new DynaliteServer();
        server.start();
        URI endpoint;
        try {
            endpoint = server.endpoint();
            assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
            assertThat(accepts(endpoint)).isTrue();
        } finally {
            server.stop();
        }
        assertThat(server.isRunning()).isFalse();
        assertThat(accepts(endpoint)).isFalse();
    }

    private static boolean accepts(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
