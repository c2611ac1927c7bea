package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.PublisherVerification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server API's HTTP route as API Gateway's HTTP API invokes it (payload format 2.0): text and base64 bodies,
 * header names in any case, the answer's status, headers and body; the message published to the fan-out topic.
 */
class ServerApiRouteTest {
    private static ManagementApiStub api;

    private Chats chats;

    @BeforeAll
    static void startApi() throws Exception {
        api = new ManagementApiStub();
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    private ServerlessChat chat() {
        chats = new Chats(api);
        return chats.builder()
                .publisherVerifier(token -> token.equals("publisher")
                        ? new PublisherVerification.Publisher(new UserId("bot"))
                        : new PublisherVerification.Unauthenticated("bad signature"))
                .snsFanout(chats.sns, "arn:aws:sns:eu-west-2:123456789012:fanout").build();
    }

    private static APIGatewayV2HTTPEvent event(String method, Map<String, String> headers, String body,
                                               boolean base64) {
        return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRawPath("/api/rooms/general/messages")
                .withHeaders(headers).withBody(body).withIsBase64Encoded(base64)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).build())
                        .build())
                .build();
    }

    @Test
    void a_text_body_is_published_and_answered_201_as_json() {
        APIGatewayV2HTTPResponse response = chat().onServerApi(event("POST",
                Map.of("authorization", "Bearer publisher", "content-type", "application/json"),
                "{\"message\":\"café\"}", false));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json; charset=utf-8");
        assertThat(response.getBody()).contains("\"messageId\"", "\"postedAt\"", "\"seq\"");
        assertThat(chats.sns.published()).hasSize(1);
        assertThat(chats.sns.published().get(0).message()).contains("café");
    }

    @Test
    void a_base64_body_and_header_names_in_another_case_are_read_as_api_gateway_may_send_them() {
        String body = Base64.getEncoder().encodeToString("{\"message\":\"hi\"}".getBytes(StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse response = chat().onServerApi(event("POST",
                Map.of("Authorization", "Bearer publisher", "Content-Type", "application/json"), body, true));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(chats.sns.published()).hasSize(1);
    }

    @Test
    void refusals_carry_their_headers_and_publish_nothing() {
        ServerlessChat chat = chat();

        APIGatewayV2HTTPResponse get = chat.onServerApi(event("GET", Map.of(), null, false));
        APIGatewayV2HTTPResponse anonymous = chat.onServerApi(event("POST",
                Map.of("content-type", "application/json"), "{\"message\":\"x\"}", false));
        APIGatewayV2HTTPResponse noContext = chat.onServerApi(APIGatewayV2HTTPEvent.builder()
                .withRawPath("/api/rooms/general/messages").build());

        assertThat(get.getStatusCode()).isEqualTo(405);
        assertThat(get.getHeaders()).containsEntry("Allow", "POST");
        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(anonymous.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(noContext.getStatusCode()).isEqualTo(405);
        assertThat(chats.sns.published()).isEmpty();
    }
}
