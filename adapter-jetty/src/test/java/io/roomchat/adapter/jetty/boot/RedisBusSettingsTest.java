package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisBusSettingsTest {

    @Test
    void the_bus_is_local_unless_the_environment_or_a_flag_asks_for_redis() {
        assertThat(ServerOptions.parse(Map.of()).bus).isEqualTo(BusKind.LOCAL);

        ServerOptions fromEnvironment = ServerOptions.parse(Map.of("CHAT_BUS", "redis",
                "CHAT_REDIS_URL", "redis://10.0.0.5:6379"));
        assertThat(fromEnvironment.bus).isEqualTo(BusKind.REDIS);
        assertThat(fromEnvironment.redisUrl).isEqualTo("redis://10.0.0.5:6379");

        ServerOptions fromFlags = ServerOptions.parse(Map.of("CHAT_BUS", "local"), "--bus", "REDIS",
                "--redis-url", "redis://127.0.0.1:7000");
        assertThat(fromFlags.bus).isEqualTo(BusKind.REDIS);
        assertThat(fromFlags.redisUrl).isEqualTo("redis://127.0.0.1:7000");
    }

    @Test
    void a_redis_bus_without_a_url_is_a_startup_error() {
        ServerOptions options = ServerOptions.parse(Map.of("CHAT_BUS", "redis", "CHAT_STORE", "memory",
                "CHAT_PORT", "0"));

        assertThatThrownBy(() -> ChatApplication.start(options)).isInstanceOf(StartupException.class)
                .hasMessage("CHAT_BUS=redis needs CHAT_REDIS_URL (redis://host:port)");
    }

    @Test
    void an_unreachable_redis_at_start_is_a_startup_error_naming_where() throws IOException {
        int nothingThere;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nothingThere = socket.getLocalPort();
        }
        ServerOptions options = ServerOptions.parse(Map.of("CHAT_BUS", "redis", "CHAT_STORE", "memory",
                "CHAT_PORT", "0", "CHAT_REDIS_URL", "redis://127.0.0.1:" + nothingThere));

        assertThatThrownBy(() -> ChatApplication.start(options)).isInstanceOf(StartupException.class)
                .hasMessageStartingWith("Redis bus: cannot reach Redis at 127.0.0.1:" + nothingThere)
                .satisfies(refused -> assertThat(((StartupException) refused).exitCode())
                        .as("exit code: Redis may answer later").isEqualTo(Main.UNAVAILABLE));
    }

    @Test
    void a_bad_redis_url_is_refused_without_quoting_its_password() {
        ServerOptions options = ServerOptions.parse(Map.of("CHAT_BUS", "redis", "CHAT_STORE", "memory",
                "CHAT_PORT", "0", "CHAT_REDIS_URL", "redis://user:hunter2@host:notaport"));

        assertThatThrownBy(() -> ChatApplication.start(options)).isInstanceOf(StartupException.class)
                .hasMessageStartingWith("Redis bus: ")
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("hunter2"))
                .satisfies(refused -> assertThat(((StartupException) refused).exitCode())
                        .as("exit code: a setting to fix").isEqualTo(Main.BAD_SETTINGS));
    }
}
