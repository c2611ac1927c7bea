package io.roomchat.adapter.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.testkit.DevTokenEndpointContract;
import io.roomchat.testkit.DynaliteServer;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The stand-in without a secret or a JWKS URL runs dev mode as the self-hosted server does: the same endpoint. */
class StandInDevModeTest extends DevTokenEndpointContract {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();

    private static LocalServerless standIn;

    @BeforeAll
    static void start() throws Exception {
        standIn = StandIns.devMode(DYNALITE).start();
    }

    @AfterAll
    static void stop() {
        standIn.close();
    }

    @Override
    protected URI server() {
        return URI.create("http://127.0.0.1:" + standIn.port() + "/");
    }

    @Test
    void it_reports_dev_mode() {
        assertThat(standIn.authMode()).isEqualTo("dev");
    }

    @Test
    void a_blank_secret_beside_no_jwks_url_does_not_start() {
        assertThatThrownBy(() -> StandIns.devMode(DYNALITE).jwtSecret(" ").start())
                .hasMessageContaining("CHAT_JWT_SECRET is set but blank");
    }

    @Test
    void dev_mode_refuses_to_listen_beyond_loopback() {
        assertThatThrownBy(() -> StandIns.devMode(DYNALITE).host("0.0.0.0").start())
                .hasMessageContaining("loopback");
    }
}
