package io.roomchat.adapter.lambda.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server API's HTTP route on the stand-in, as API Gateway's HTTP API runs it: the request becomes a payload
 * format 2.0 event (header names lower-cased, the body base64-encoded) for the function's own handler, whose
 * response is sent. Reads at most one byte more of the body than the API accepts, so that a body of any length or
 * framing costs the stand-in no more than that and the API still answers 413.
 */
final class ServerApiHttpRoute {
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function;
    private final int maxBodyBytes;

    ServerApiHttpRoute(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function, int maxBodyBytes) {
        this.function = function;
        this.maxBodyBytes = maxBodyBytes;
    }

    boolean handle(Request request, Response response, Callback callback) throws Exception {
        byte[] body = Content.Source.asInputStream(request).readNBytes(maxBodyBytes + 1);
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(field -> headers.merge(field.getName().toLowerCase(Locale.ROOT),
                field.getValue(), (first, next) -> first + "," + next));
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("ANY /api/rooms/{room}/messages")
                .withRawPath(request.getHttpURI().getPath())
                .withHeaders(headers)
                .withBody(Base64.getEncoder().encodeToString(body))
                .withIsBase64Encoded(true)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(request.getMethod())
                                .withPath(request.getHttpURI().getPath())
                                .build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse answer = function.handleRequest(event, null);
        if (!request.consumeAvailable()) {
            // The rest of the body is left unread: the connection ends with this answer.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (answer.getHeaders() != null) {
            answer.getHeaders().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    response.getHeaders().put(name, value);
                }
            });
        }
        String contentType = answer.getHeaders() == null ? "application/json"
                : answer.getHeaders().getOrDefault("Content-Type", "application/json");
        return HttpReplies.send(response, callback, answer.getStatusCode(), contentType, answer.getBody());
    }
}
