package io.roomchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.PublishOutcome;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.PublisherVerification;
import io.roomchat.core.port.out.PublisherVerifier;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server API's decisions, before any HTTP server: each binding only translates them. */
class ServerApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX = 32 * 1024;
    private static final PublisherVerifier TOKENS = token -> switch (token) {
        case "publisher" -> new PublisherVerification.Publisher(new UserId("bot"));
        case "reader" -> new PublisherVerification.NotPermitted("scope: the token must grant chat:publish");
        default -> new PublisherVerification.Unauthenticated("bad signature");
    };

    private final List<PostMessageCommand> published = new ArrayList<>();
    private final List<UserId> authors = new ArrayList<>();
    private PublishOutcome outcome = new PublishOutcome.Stored(new ReplyPayload.Posted(new MessageId("m-1"),
            Instant.parse("2026-12-07T10:00:00.123Z"), 7));
    private final ServerApi api = new ServerApi((author, post) -> {
        authors.add(author);
        published.add(post);
        return outcome;
    }, TOKENS, MAX);

    private ServerApi.Answer send(String method, String path, String authorization, String contentType, String body)
            throws IOException {
        return api.answer(new ServerApi.Request(method, path, authorization, contentType,
                new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }

    private ServerApi.Answer post(String body) throws IOException {
        return send("POST", "/api/rooms/general/messages", "Bearer publisher", "application/json", body);
    }

    private static String error(ServerApi.Answer answer) throws IOException {
        return JSON.readTree(answer.json()).path("error").asText();
    }

    @Test
    void a_valid_post_is_published_as_the_token_s_subject_and_answers_201_with_the_ids() throws IOException {
        ServerApi.Answer answer = post("{\"message\":\"hello\",\"name\":\"Notices\",\"clientMessageId\":\"k-1\"}");

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = JSON.readTree(answer.json());
        assertThat(body.path("messageId").asText()).isEqualTo("m-1");
        assertThat(body.path("postedAt").asText()).isEqualTo("2026-12-07T10:00:00.123Z");
        assertThat(body.path("seq").asLong()).isEqualTo(7);
        assertThat(authors).containsExactly(new UserId("bot"));
        assertThat(published.get(0).room().value()).isEqualTo("general");
        assertThat(published.get(0).text().value()).isEqualTo("hello");
        assertThat(published.get(0).name().orElseThrow().value()).isEqualTo("Notices");
        assertThat(published.get(0).clientMessageId().orElseThrow().value()).isEqualTo("k-1");
    }

    @Test
    void a_resend_answers_201_with_the_original_s_ids() throws IOException {
        outcome = new PublishOutcome.DuplicateOf(new ReplyPayload.Posted(new MessageId("m-0"),
                Instant.parse("2026-12-07T09:00:00Z"), 3));

        ServerApi.Answer answer = post("{\"message\":\"hello\",\"clientMessageId\":\"k-1\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(JSON.readTree(answer.json()).path("messageId").asText()).isEqualTo("m-0");
    }

    @Test
    void a_refusal_of_the_core_keeps_its_status_and_reason() throws IOException {
        outcome = new PublishOutcome.Refused(Status.PAYLOAD_TOO_LARGE, "message: must be at most 4000 characters");

        ServerApi.Answer answer = post("{\"message\":\"long\"}");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(error(answer)).isEqualTo("message: must be at most 4000 characters");
    }

    @Test
    void room_names_are_percent_decoded_as_utf8() throws IOException {
        send("POST", "/api/rooms/caf%C3%A9%20%2B%3Aone+two/messages", "Bearer publisher", "application/json",
                "{\"message\":\"x\"}");

        assertThat(published.get(0).room().value()).isEqualTo("café +:one+two");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/rooms/%ZZ/messages", "/api/rooms/%C3/messages", "/api/rooms/%00/messages",
            "/api/rooms/" + "r" + "%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41" + "%41%41%41%41%41%41%41%41"
                    + "%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41"
                    + "%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41"
                    + "%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41"
                    + "%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41%41/messages"})
    void a_bad_room_is_400_naming_room_and_publishes_nothing(String path) throws IOException {
        ServerApi.Answer answer = send("POST", path, "Bearer publisher", "application/json", "{\"message\":\"x\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).startsWith("room");
        assertThat(published).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"x\"}|message: required",
            "{\"message\":5}|message: must be a string",
            "{\"message\":\"   \"}|message",
            "{\"message\":\"x\",\"name\":\"\"}|name",
            "{\"message\":\"x\",\"clientMessageId\":7}|clientMessageId: must be a string",
            "{\"message\":\"x\",|body: malformed JSON",
            "[1]|body: must be a JSON object",
            "{\"message\":\"x\",\"message\":\"y\"}|body: duplicate key"})
    void bad_json_is_400_naming_the_field_and_publishes_nothing(String body, String named) throws IOException {
        ServerApi.Answer answer = post(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).startsWith(named);
        assertThat(published).isEmpty();
    }

    @Test
    void a_body_that_is_not_utf8_is_400() throws IOException {
        ServerApi.Answer answer = api.answer(new ServerApi.Request("POST", "/api/rooms/general/messages",
                "Bearer publisher", "application/json", new ByteArrayInputStream(new byte[] {'{', (byte) 0xC3, '}'})));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).isEqualTo("body: not UTF-8");
    }

    @Test
    void a_body_over_the_limit_is_413_after_reading_one_byte_past_it_however_long_the_stream() throws IOException {
        CountingEndlessBody endless = new CountingEndlessBody();

        ServerApi.Answer answer = api.answer(new ServerApi.Request("POST", "/api/rooms/general/messages",
                "Bearer publisher", "application/json", endless));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(endless.read).isEqualTo(MAX + 1);
        assertThat(published).isEmpty();
    }

    @Test
    void a_body_of_exactly_the_limit_is_read() throws IOException {
        String padding = " ".repeat(MAX - "{\"message\":\"x\"}".length());

        assertThat(post("{\"message\":\"x\"}" + padding).status()).isEqualTo(201);
    }

    @Test
    void another_method_is_405_with_allow_post() throws IOException {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "OPTIONS", "post")) {
            ServerApi.Answer answer = send(method, "/api/rooms/general/messages", "Bearer publisher",
                    "application/json", "{\"message\":\"x\"}");
            assertThat(answer.status()).as(method).isEqualTo(405);
            assertThat(answer.headers()).containsEntry("Allow", "POST");
        }
        assertThat(published).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/", "/api/rooms/general", "/api/rooms/general/messages/1", "/api/rooms//messages",
            "/api/rooms/a/b/messages", "/api/other"})
    void an_unknown_path_under_api_is_404(String path) throws IOException {
        assertThat(send("POST", path, "Bearer publisher", "application/json", "{}").status()).isEqualTo(404);
        assertThat(ServerApi.serves(path)).isTrue();
    }

    @Test
    void without_a_bearer_token_401_and_with_a_bad_one_401_naming_the_reason() throws IOException {
        for (String authorization : new String[] {null, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer   "}) {
            ServerApi.Answer answer = send("POST", "/api/rooms/general/messages", authorization, "application/json",
                    "{\"message\":\"x\"}");
            assertThat(answer.status()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(answer.headers()).containsEntry("WWW-Authenticate", "Bearer");
        }
        ServerApi.Answer bad = send("POST", "/api/rooms/general/messages", "Bearer forged", "application/json", "{}");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(error(bad)).isEqualTo("token: bad signature");
        assertThat(published).isEmpty();
    }

    @Test
    void a_valid_token_without_the_scope_is_403_before_the_body_is_read() throws IOException {
        CountingEndlessBody endless = new CountingEndlessBody();

        ServerApi.Answer answer = api.answer(new ServerApi.Request("POST", "/api/rooms/general/messages",
                "bearer reader", "application/json", endless));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(error(answer)).isEqualTo("scope: the token must grant chat:publish");
        assertThat(answer.headers().get("WWW-Authenticate")).contains("insufficient_scope");
        assertThat(endless.read).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "application/jsonx",
            "multipart/form-data"})
    void a_body_that_is_not_json_is_415(String contentType) throws IOException {
        ServerApi.Answer answer = send("POST", "/api/rooms/general/messages", "Bearer publisher",
                contentType.isEmpty() ? null : contentType, "{\"message\":\"x\"}");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(error(answer)).startsWith("Content-Type");
    }

    @Test
    void json_with_a_charset_parameter_is_json() throws IOException {
        assertThat(send("POST", "/api/rooms/general/messages", "Bearer publisher",
                "Application/JSON; charset=utf-8", "{\"message\":\"x\"}").status()).isEqualTo(201);
    }

    @Test
    void a_failure_of_the_core_is_500_without_its_text() throws IOException {
        ServerApi failing = new ServerApi((author, post) -> {
            throw new IllegalStateException("db password is hunter2");
        }, TOKENS, MAX);

        ServerApi.Answer answer = failing.answer(new ServerApi.Request("POST", "/api/rooms/general/messages",
                "Bearer publisher", "application/json",
                new ByteArrayInputStream("{\"message\":\"x\"}".getBytes(StandardCharsets.UTF_8))));

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json()).doesNotContain("hunter2");
    }

    /** A body that never ends, counting what was read of it. */
    private static final class CountingEndlessBody extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 'x';
        }
    }
}
