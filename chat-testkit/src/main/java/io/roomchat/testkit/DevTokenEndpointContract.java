package io.roomchat.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.testkit.protocol.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dev mode's {@code POST /dev/token}, over real HTTP, on every server that offers it (the self-hosted server and
 * the serverless stand-in): a token for a request from this machine's own page, and a refusal for anything a
 * foreign page, a rebinding DNS name or an oversized body could send. A subclass says where the server is.
 */
public abstract class DevTokenEndpointContract {
    private static final byte[] ALICE = "{\"userId\":\"dev-alice\",\"name\":\"Alice\"}".getBytes(StandardCharsets.UTF_8);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A running dev-mode server on loopback, {@code http://127.0.0.1:port/}. */
    protected abstract URI server();

    /** The moderator claim the server puts {@code moderates} in ({@code CHAT_MODERATOR_CLAIM}). */
    protected String moderatorClaim() {
        return "mod";
    }

    private String loopbackHost() {
        return "127.0.0.1:" + server().getPort();
    }

    private Map<String, String> headers(String host, String origin, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", host);
        if (origin != null) {
            headers.put("Origin", origin);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    private int post(Map<String, String> headers, byte[] body) throws Exception {
        return RawHttp.send(server(), "POST", "/dev/token", headers, body).status();
    }

    @Test
    void the_servers_own_page_gets_a_token() throws Exception {
        assertThat(post(headers(loopbackHost(), null, "application/json"), ALICE)).isEqualTo(200);
        assertThat(post(headers("localhost:" + server().getPort(), "http://localhost:" + server().getPort(),
                "application/json; charset=utf-8"), ALICE)).isEqualTo(200);
        assertThat(post(headers("[::1]:" + server().getPort(), null, "application/json"), ALICE)).isEqualTo(200);
    }

    @Test
    void a_host_that_is_not_a_loopback_name_is_refused() throws Exception {
        assertThat(post(headers("attacker.example:" + server().getPort(), null, "application/json"), ALICE))
                .as("a DNS-rebinding page names its own host").isEqualTo(403);
        assertThat(post(headers("127.0.0.1.attacker.example", null, "application/json"), ALICE)).isEqualTo(403);
    }

    @Test
    void a_foreign_origin_is_refused() throws Exception {
        assertThat(post(headers(loopbackHost(), "https://attacker.example", "application/json"), ALICE))
                .isEqualTo(403);
        assertThat(post(headers(loopbackHost(), "http://127.0.0.1:1", "application/json"), ALICE))
                .as("another local page").isEqualTo(403);
        assertThat(post(headers(loopbackHost(), "null", "application/json"), ALICE)).isEqualTo(403);
    }

    @Test
    void a_body_that_is_not_declared_json_is_refused_with_415() throws Exception {
        assertThat(post(headers(loopbackHost(), null, "text/plain"), ALICE)).isEqualTo(415);
        assertThat(post(headers(loopbackHost(), null, "application/x-www-form-urlencoded"), ALICE)).isEqualTo(415);
        assertThat(post(headers(loopbackHost(), null, null), ALICE)).isEqualTo(415);
    }

    @Test
    void a_body_over_the_cap_is_refused_with_413() throws Exception {
        byte[] big = ("{\"userId\":\"u\",\"pad\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(post(headers(loopbackHost(), null, "application/json"), big)).isEqualTo(413);
    }

    @Test
    void a_huge_chunked_body_is_refused_with_413_before_it_is_all_sent() throws Exception {
        long total = 200L * 1024 * 1024;
        RawHttp.Answer answer = RawHttp.sendChunked(server(), "/dev/token",
                headers(loopbackHost(), null, "application/json"), total);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.bytesSent()).as("the server answered without reading the whole body").isLessThan(total);
    }

    @Test
    void bad_requests_are_refused() throws Exception {
        assertThat(post(headers(loopbackHost(), null, "application/json"), "not json".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(400);
        assertThat(post(headers(loopbackHost(), null, "application/json"),
                "{\"name\":\"nobody\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(400);
        assertThat(post(headers(loopbackHost(), null, "application/json"),
                ("{\"userId\":\"u\",\"name\":\"" + "n".repeat(65) + "\"}").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(400);
        assertThat(RawHttp.send(server(), "GET", "/dev/token", headers(loopbackHost(), null, null), new byte[0])
                .status()).isEqualTo(405);
    }

    @Test
    void a_token_can_carry_the_rooms_its_holder_moderates() throws Exception {
        JsonNode claims = claimsOf(token("{\"userId\":\"dev-mia\",\"moderates\":[\"team-*\",\"general\"]}"));

        assertThat(claims.path("sub").asText()).isEqualTo("dev-mia");
        assertThat(claims.path(moderatorClaim()).toString()).isEqualTo("[\"team-*\",\"general\"]");
        assertThat(claimsOf(token("{\"userId\":\"dev-bob\"}")).has(moderatorClaim()))
                .as("no moderates, no moderator claim").isFalse();
    }

    @Test
    void a_bad_moderates_value_is_refused_with_400() throws Exception {
        String eleven = "\"r\",".repeat(10) + "\"r\"";
        for (String moderates : new String[] {"\"team-*\"", "[1]", "[\"\"]", "[\"bad\\u0007\"]", "{}",
                "[" + eleven + "]", "[\"" + "r".repeat(129) + "\"]"}) {
            byte[] body = ("{\"userId\":\"dev-mia\",\"moderates\":" + moderates + "}")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(post(headers(loopbackHost(), null, "application/json"), body)).as(moderates).isEqualTo(400);
        }
        byte[] ten = ("{\"userId\":\"dev-mia\",\"moderates\":[" + "\"r\",".repeat(9) + "\"r\"]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(post(headers(loopbackHost(), null, "application/json"), ten)).as("ten is the limit").isEqualTo(200);
    }

    private String token(String body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server().resolve("/dev/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("token").asText();
    }

    /** The token's payload, read without checking the signature: the server that verifies it is not under test. */
    private static JsonNode claimsOf(String token) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
