package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.Limits;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled page and its files come with headers that keep a browser to the page's own scripts and socket. */
class WebPageHeadersTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static JettyTestServer chat;

    @BeforeAll
    static void start() {
        chat = JettyTestServer.start(Limits.defaults());
    }

    @AfterAll
    static void stop() {
        chat.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        URI uri = chat.server.httpUri().resolve(path);
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/app.js", "/app.css", "/chat-socket.js"})
    void the_page_and_its_files_forbid_foreign_scripts_framing_sniffing_and_referrers(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'", "base-uri 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void the_page_has_no_inline_script_or_style_that_the_policy_would_block() throws Exception {
        String page = get("/").body();

        assertThat(page).containsPattern("<script [^>]*src=\"app.js\"");
        assertThat(page.split("<script", -1)).allSatisfy(part -> assertThat(part).doesNotStartWith(">"));
        assertThat(page).doesNotContain("<style", " style=", "javascript:", " onclick=", " onload=");
    }
}
