package io.roomchat.adapter.jetty.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.adapter.jetty.logging.LogFormat;
import io.roomchat.auth.jwt.AccessClaims;
import io.roomchat.auth.jwt.Authentication;
import io.roomchat.core.domain.Limits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

/** Settings: every one an environment variable and a flag, the flag winning, with the product's defaults. */
class ServerOptionsTest {

    @Test
    void without_settings_it_is_a_dev_mode_h2_server_on_loopback_port_3001() {
        ServerOptions options = ServerOptions.parse(Map.of());

        assertThat(options.host).isEqualTo("127.0.0.1");
        assertThat(options.port).isEqualTo(3001);
        assertThat(options.store).isEqualTo(StoreKind.H2);
        assertThat(options.dataDir).isEqualTo(Path.of("./chat-data"));
        assertThat(options.tokens().secret()).isEmpty();
        assertThat(options.tokens().jwksUrl()).isEmpty();
        assertThat(options.origins()).isEmpty();
        assertThat(options.limits()).isEqualTo(Limits.defaults());
        assertThat(options.pingInterval).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.writeDelay).isEqualTo(Duration.ofMillis(10));
        assertThat(options.maxThreads).as("the server's own default applies").isNull();
    }

    @Test
    void every_setting_is_read_from_the_environment() {
        Map<String, String> environment = Map.ofEntries(
                Map.entry("CHAT_PORT", "4000"),
                Map.entry("CHAT_HOST", "0.0.0.0"),
                Map.entry("CHAT_JWT_SECRET", "s".repeat(32)),
                Map.entry("CHAT_JWT_ISSUER", "https://issuer.example/"),
                Map.entry("CHAT_JWT_AUDIENCE", "chat"),
                Map.entry("CHAT_STORE", "memory"),
                Map.entry("CHAT_DATA_DIR", "/var/lib/chat"),
                Map.entry("CHAT_DYNAMODB_ENDPOINT", "http://127.0.0.1:8000"),
                Map.entry("CHAT_ALLOWED_ORIGINS", "https://a.example, https://b.example"),
                Map.entry("CHAT_MAX_FRAME_BYTES", "16384"),
                Map.entry("CHAT_MAX_MESSAGE_CHARS", "1000"),
                Map.entry("CHAT_RATE_PER_SECOND", "5"),
                Map.entry("CHAT_RATE_BURST", "7"),
                Map.entry("CHAT_IDLE_TIMEOUT", "90s"),
                Map.entry("CHAT_PING_INTERVAL", "PT15S"),
                Map.entry("CHAT_WRITE_DELAY", "5ms"),
                Map.entry("CHAT_OUTBOUND_QUEUE", "64"),
                Map.entry("CHAT_OUTBOUND_QUEUE_BYTES", "65536"),
                Map.entry("CHAT_HISTORY_PAGE_MAX", "30"),
                Map.entry("CHAT_PRESENCE_MAX_USERS", "12"),
                Map.entry("CHAT_MAX_THREADS", "48"));

        ServerOptions options = ServerOptions.parse(environment);

        assertThat(options.port).isEqualTo(4000);
        assertThat(options.host).isEqualTo("0.0.0.0");
        assertThat(options.tokens().secret()).hasValue("s".repeat(32));
        assertThat(options.jwtIssuer).isEqualTo("https://issuer.example/");
        assertThat(options.jwtAudience).isEqualTo("chat");
        assertThat(options.store).isEqualTo(StoreKind.MEMORY);
        assertThat(options.dataDir).isEqualTo(Path.of("/var/lib/chat"));
        assertThat(options.dynamodbEndpoint).isEqualTo(URI.create("http://127.0.0.1:8000"));
        assertThat(options.origins()).containsExactlyInAnyOrder("https://a.example", "https://b.example");
        assertThat(options.limits()).isEqualTo(new Limits(16384, 1000, 5, 7, Duration.ofSeconds(90), 30, 30, 64,
                65536, 50, 12));
        assertThat(options.pingInterval).isEqualTo(Duration.ofSeconds(15));
        assertThat(options.writeDelay).isEqualTo(Duration.ofMillis(5));
        assertThat(options.maxThreads).isEqualTo(48);
    }

    @Test
    void a_flag_wins_over_the_environment() {
        ServerOptions options = ServerOptions.parse(Map.of("CHAT_PORT", "4000", "CHAT_STORE", "memory"),
                "--port", "5000", "--store", "H2", "--jwks-url", "https://id.example/.well-known/jwks.json");

        assertThat(options.port).isEqualTo(5000);
        assertThat(options.store).isEqualTo(StoreKind.H2);
        assertThat(options.tokens().jwksUrl()).hasValue(URI.create("https://id.example/.well-known/jwks.json"));
        assertThat(options.tokens().jwksAllowHttp()).isFalse();
    }

    @Test
    void the_access_claim_names_default_to_rooms_and_mod_and_come_from_environment_or_flag() {
        assertThat(ServerOptions.parse(Map.of()).tokens().accessClaims()).isEqualTo(AccessClaims.DEFAULT);
        ServerOptions options = ServerOptions.parse(Map.of("CHAT_ROOMS_CLAIM", "https://example.com/rooms",
                "CHAT_MODERATOR_CLAIM", "https://example.com/mod"), "--moderator-claim", "https://other.example/mod");

        assertThat(options.tokens().accessClaims())
                .isEqualTo(new AccessClaims("https://example.com/rooms", "https://other.example/mod"));
        assertThatThrownBy(() -> ServerOptions.parse(Map.of("CHAT_ROOMS_CLAIM", "mod")).tokens())
                .hasMessage("CHAT_ROOMS_CLAIM and CHAT_MODERATOR_CLAIM must name different claims");
    }

    @Test
    void a_plain_http_jwks_url_is_a_startup_error_unless_allowed_on_purpose() {
        Map<String, String> httpJwks = Map.of("CHAT_JWKS_URL", "http://127.0.0.1:9/jwks.json");

        assertThatThrownBy(() -> Authentication.forServer(ServerOptions.parse(httpJwks).tokens(), "127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https").hasMessageContaining("CHAT_JWKS_ALLOW_HTTP");
        assertThat(Authentication.forServer(ServerOptions.parse(httpJwks, "--jwks-allow-http").tokens(), "127.0.0.1")
                .mode()).isEqualTo("jwks");
        assertThat(Authentication.forServer(ServerOptions.parse(Map.of("CHAT_JWKS_URL", "http://127.0.0.1:9/jwks.json",
                "CHAT_JWKS_ALLOW_HTTP", "true")).tokens(), "127.0.0.1").mode()).isEqualTo("jwks");
        assertThatThrownBy(() -> Authentication.forServer(ServerOptions.parse(Map.of("CHAT_JWKS_URL",
                "http://127.0.0.1:9/jwks.json", "CHAT_JWKS_ALLOW_HTTP", "true"), "--jwks-allow-http=false").tokens(),
                "127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_bad_value_is_refused_with_a_message() {
        assertThatThrownBy(() -> ServerOptions.parse(Map.of("CHAT_STORE", "mongo")))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--store");
        assertThatThrownBy(() -> ServerOptions.parse(Map.of(), "--idle-timeout", "soon"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("duration");
    }

    @Test
    void help_lists_every_setting_with_its_environment_variable() {
        StringWriter out = new StringWriter();
        int exit = ServerOptions.commandLine(new Main(), Map.of()).setOut(new PrintWriter(out, true))
                .execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("CHAT_PORT", "CHAT_HOST", "CHAT_JWT_SECRET", "CHAT_JWKS_URL",
                "CHAT_JWT_ISSUER", "CHAT_JWT_AUDIENCE", "CHAT_STORE", "CHAT_DATA_DIR", "CHAT_DYNAMODB_ENDPOINT",
                "CHAT_ALLOWED_ORIGINS", "CHAT_MAX_FRAME_BYTES", "CHAT_MAX_MESSAGE_CHARS", "CHAT_RATE_PER_SECOND",
                "CHAT_RATE_BURST", "CHAT_IDLE_TIMEOUT", "CHAT_PING_INTERVAL", "CHAT_OUTBOUND_QUEUE",
                "CHAT_HISTORY_PAGE_MAX", "CHAT_PRESENCE_MAX_USERS", "CHAT_MAX_THREADS", "CHAT_JWKS_ALLOW_HTTP",
                "--port", "--jwt-secret", "DEV MODE");
    }

    @Test
    void help_never_prints_a_secret_from_the_environment() {
        StringWriter out = new StringWriter();
        ServerOptions.commandLine(new Main(), Map.of("CHAT_JWT_SECRET", "top-secret-value-of-32-bytes-or-more"))
                .setOut(new PrintWriter(out, true)).execute("--help");

        assertThat(out.toString()).doesNotContain("top-secret-value");
    }

    @Test
    void both_a_secret_and_a_jwks_url_is_a_startup_error() {
        ServerOptions options = ServerOptions.parse(Map.of("CHAT_JWT_SECRET", "s".repeat(32),
                "CHAT_JWKS_URL", "https://id.example/jwks.json", "CHAT_STORE", "memory", "CHAT_PORT", "0"));

        assertThatThrownBy(() -> ChatApplication.start(options)).isInstanceOf(StartupException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void a_short_secret_is_a_startup_error() {
        ServerOptions options = ServerOptions.parse(Map.of("CHAT_JWT_SECRET", "too-short", "CHAT_STORE", "memory",
                "CHAT_PORT", "0"));

        assertThatThrownBy(() -> ChatApplication.start(options)).isInstanceOf(StartupException.class)
                .hasMessageContaining("32").hasMessageContaining("random").hasMessageContaining("openssl rand");
    }

    @Test
    void connection_limits_default_to_20_per_user_16_pending_per_address_and_10s_for_headers_and_can_be_set() {
        ServerOptions defaults = ServerOptions.parse(Map.of());
        ServerOptions fromEnvironment = ServerOptions.parse(Map.of("CHAT_MAX_CONNECTIONS_PER_USER", "5",
                "CHAT_MAX_PENDING_PER_ADDRESS", "8", "CHAT_HEADER_TIMEOUT", "3s"));
        ServerOptions fromFlags = ServerOptions.parse(Map.of("CHAT_MAX_CONNECTIONS_PER_USER", "5"),
                "--max-connections-per-user", "6", "--max-pending-per-address", "9", "--header-timeout", "4s");

        assertThat(defaults.maxConnectionsPerUser).isEqualTo(20);
        assertThat(defaults.maxPendingPerAddress).isEqualTo(16);
        assertThat(defaults.headerTimeout).isEqualTo(Duration.ofSeconds(10));
        assertThat(fromEnvironment.maxConnectionsPerUser).isEqualTo(5);
        assertThat(fromEnvironment.maxPendingPerAddress).isEqualTo(8);
        assertThat(fromEnvironment.headerTimeout).isEqualTo(Duration.ofSeconds(3));
        assertThat(fromFlags.maxConnectionsPerUser).isEqualTo(6);
        assertThat(fromFlags.maxPendingPerAddress).isEqualTo(9);
        assertThat(fromFlags.headerTimeout).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void log_lines_are_text_unless_the_environment_or_a_flag_asks_for_json() {
        assertThat(ServerOptions.parse(Map.of()).logFormat).isEqualTo(LogFormat.TEXT);
        assertThat(ServerOptions.parse(Map.of("CHAT_LOG_FORMAT", "json")).logFormat).isEqualTo(LogFormat.JSON);
        assertThat(ServerOptions.parse(Map.of("CHAT_LOG_FORMAT", "json"), "--log-format", "TEXT").logFormat)
                .isEqualTo(LogFormat.TEXT);
        assertThatThrownBy(() -> ServerOptions.parse(Map.of(), "--log-format", "xml"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("JSON");
    }
}
