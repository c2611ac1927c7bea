package io.roomchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    /** PING in Redis's own protocol, without a client library. */
    private static String ping(String url) {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = socket.getInputStream().readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII).strip().replaceFirst("^\\+", "");
        } catch (IOException failure) {
            throw new AssertionError("no answer from " + url, failure);
        }
    }
}
