package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the handlers behind {@link OriginFormUpgrades} see of a request's URI. */
class OriginFormUpgradesTest {
    private final AtomicReference<HttpURI> seen = new AtomicReference<>();
    private BareJetty server;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        Handler behind = BareJetty.answering(204, request -> seen.set(request.getHttpURI()));
        server = new BareJetty(new OriginFormUpgrades(behind), connector -> { });
        uri = server.uri("ws");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void an_upgrade_request_keeps_its_path_and_query_but_not_the_scheme_or_authority() throws Exception {
        RawHttp.exchange(uri, RawHttp.upgradeRequest(uri, "/chat?token=a%20b&x=1"));

        HttpURI upgrade = seen.get();
        assertThat(upgrade.getScheme()).isNull();
        assertThat(upgrade.getHost()).isNull();
        assertThat(upgrade.getPath()).isEqualTo("/chat");
        assertThat(upgrade.getQuery()).isEqualTo("token=a%20b&x=1");
        assertThat(upgrade.toURI().toString()).isEqualTo("/chat?token=a%20b&x=1");
    }

    @Test
    void upgrade_requests_for_the_root_without_a_query_share_one_uri() throws Exception {
        RawHttp.exchange(uri, RawHttp.upgradeRequest(uri, "/"));
        HttpURI first = seen.get();
        RawHttp.exchange(uri, RawHttp.upgradeRequest(uri, "/"));
        HttpURI second = seen.get();

        assertThat(second.getScheme()).isNull();
        assertThat(second.getHost()).isNull();
        assertThat(second.getPath()).isEqualTo("/");
        assertThat(second.getQuery()).isNull();
        assertThat(second.toURI().toString()).isEqualTo("/");
        assertThat(second.toURI()).as("one URI, kept by every socket").isSameAs(first.toURI());
    }

    @Test
    void a_root_upgrade_with_a_query_keeps_its_own_uri() throws Exception {
        RawHttp.exchange(uri, RawHttp.upgradeRequest(uri, "/?token=abc"));

        assertThat(seen.get().toURI().toString()).isEqualTo("/?token=abc");
        assertThat(seen.get().getQuery()).isEqualTo("token=abc");
    }

    @Test
    void a_request_without_an_upgrade_passes_unchanged() throws Exception {
        RawHttp.exchange(uri, "GET /health?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(seen.get().getScheme()).isEqualTo("http");
        assertThat(seen.get().getHost()).isEqualTo("127.0.0.1");
        assertThat(seen.get().getPath()).isEqualTo("/health");
    }
}
