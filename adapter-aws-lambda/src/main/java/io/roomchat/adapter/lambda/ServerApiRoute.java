package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.roomchat.wire.ServerApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The server API's route on an API Gateway HTTP API (payload format 2.0): the event becomes a
 * {@link ServerApi.Request}, its answer the response. API Gateway has read the body already (it caps it at 10 MB);
 * the API still reads no more than its own cap of it.
 */
final class ServerApiRoute {
    private final ServerApi api;

    ServerApiRoute(ServerApi api) {
        this.api = api;
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = lowerCased(event.getHeaders());
        String method = event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                ? "" : event.getRequestContext().getHttp().getMethod();
        ServerApi.Answer answer;
        try {
            answer = api.answer(new ServerApi.Request(method == null ? "" : method,
                    event.getRawPath() == null ? "" : event.getRawPath(), headers.get("authorization"),
                    headers.get("content-type"), new ByteArrayInputStream(body(event))));
        } catch (IOException cannotHappen) { // the body is in memory
            throw new UncheckedIOException(cannotHappen);
        }
        Map<String, String> responseHeaders = new HashMap<>(answer.headers());
        responseHeaders.put("Content-Type", "application/json; charset=utf-8");
        responseHeaders.put("Cache-Control", "no-store");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(answer.status()).withHeaders(responseHeaders)
                .withBody(answer.json()).build();
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded()
                ? Base64.getMimeDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
    }

    /** HTTP API passes header names lower-cased already; a test or another caller may not. */
    private static Map<String, String> lowerCased(Map<String, String> headers) {
        Map<String, String> lower = new HashMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), value));
        }
        return lower;
    }
}
