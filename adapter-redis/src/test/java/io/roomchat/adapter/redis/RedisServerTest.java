package io.roomchat.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class RedisServerTest {

    @Test
    void startsAnswersAndComesBackOnTheSamePortAfterAStop() {
        RedisServer server = new RedisServer();
        server.start();
        try {
            String url = server.url();
            assertThat(ping(url)).isEqualTo("PONG");
            server.stop();
            assertThat(server.isRunning()).isFalse();
            server.start();
            assertThat(server.url()).isEqualTo(url);
            assertThat(ping(url)).isEqualTo("PONG");
        } finally {
            server.stop();
        }
    }

    @Test
    void failsSayingWhyWhenItCannotStart() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RedisServer server = new RedisServer(taken.getLocalPort());
            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("redis-server (embedded-redis) did not start on 127.0.0.1:"
                            + taken.getLocalPort());
        }
    }

    private static String ping(String url) {
        RedisClient client = RedisClient.create(url);
        try (var connection = client.connect()) {
            return connection.sync().ping();
        } finally {
            client.shutdown();
        }
    }
}
