package io.roomchat.adapter.lambda.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SnapStart priming runs every client's request path but sends nothing: no AWS call, no JWKS fetch. */
class PrimingTest {
    private HttpServer anything;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private URI endpoint;

    @BeforeEach
    void listen() throws IOException {
        anything = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        anything.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        anything.start();
        endpoint = URI.create("http://127.0.0.1:" + anything.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        anything.stop(0);
    }

    @Test
    void priming_with_a_shared_secret_and_sns_fan_out_sends_no_request() {
        ServerlessWiring wiring = ServerlessWiring.wire(sharedSecretAndSnsFanoutAt(endpoint));

        wiring.prime();

        assertThat(requests).isEmpty();
    }

    @Test
    void a_function_without_a_token_key_starts_and_primes_but_answers_a_connect_with_500() {
        ServerlessWiring wiring = ServerlessWiring.wire(LambdaSettings.fromEnvironment(Map.of(
                "AWS_REGION", "eu-west-2",
                "CHAT_FANOUT", "direct",
                "CHAT_DYNAMODB_ENDPOINT", endpoint.toString(),
                "CHAT_CALLBACK_URL", endpoint + "/dev")));

        wiring.prime();
        int status = new ConnectHandler(wiring.chat()).handleRequest(connect("c1="), null).getStatusCode();

        assertThat(status).isEqualTo(500);
        assertThat(requests).isEmpty();
    }

    /** A message function's settings with every AWS endpoint at {@code endpoint}. */
    static LambdaSettings sharedSecretAndSnsFanoutAt(URI endpoint) {
        return LambdaSettings.fromEnvironment(Map.of(
                "AWS_REGION", "eu-west-2",
                "CHAT_JWT_SECRET", "a-shared-secret-of-at-least-thirty-two-bytes",
                "CHAT_TOPIC_ARN", "arn:aws:sns:eu-west-2:123456789012:fanout",
                "CHAT_SNS_ENDPOINT", endpoint.toString(),
                "CHAT_DYNAMODB_ENDPOINT", endpoint.toString(),
                "CHAT_CALLBACK_URL", endpoint + "/dev"));
    }

    private static APIGatewayV2WebSocketEvent connect(String connectionId) {
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey("$connect");
        context.setEventType("CONNECT");
        context.setConnectionId(connectionId);
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setQueryStringParameters(Map.of("token", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"));
        return event;
    }

    @Test
    void priming_with_jwks_keys_fetches_no_keys() {
        ServerlessWiring wiring = ServerlessWiring.wire(LambdaSettings.fromEnvironment(Map.of(
                "AWS_REGION", "eu-west-2",
                "CHAT_JWKS_URL", endpoint + "/.well-known/jwks.json",
                "CHAT_JWKS_ALLOW_HTTP", "true",
                "CHAT_FANOUT", "direct",
                "CHAT_DYNAMODB_ENDPOINT", endpoint.toString())));

        wiring.prime();

        assertThat(requests).isEmpty();
    }
}
