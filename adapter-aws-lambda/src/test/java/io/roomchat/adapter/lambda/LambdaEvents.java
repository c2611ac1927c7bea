package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Events as API Gateway and SNS send them (JSON samples under {@code events/}), read by the deserialiser the Lambda
 * Java runtime uses. {@code ${name}} placeholders are filled with JSON-escaped values.
 */
final class LambdaEvents {
    private LambdaEvents() {
    }

    static APIGatewayV2WebSocketEvent connect(String connectionId, String token) {
        return webSocket("connect.json", Map.of("connectionId", connectionId, "token", token));
    }

    /** A {@code $connect} whose {@code Sec-WebSocket-Protocol} header offers {@code subprotocols} (comma-separated). */
    static APIGatewayV2WebSocketEvent connectOffering(String connectionId, String token, String subprotocols) {
        return webSocket("connect-subprotocol.json",
                Map.of("connectionId", connectionId, "token", token, "subprotocols", subprotocols));
    }

    static APIGatewayV2WebSocketEvent connectWithBearer(String connectionId, String token) {
        return webSocket("connect-bearer.json", Map.of("connectionId", connectionId, "token", token));
    }

    static APIGatewayV2WebSocketEvent frame(String routeKey, String connectionId, String body) {
        return webSocket("message.json", Map.of("routeKey", routeKey, "connectionId", connectionId, "body", body,
                "isBase64Encoded", "false"));
    }

    static APIGatewayV2WebSocketEvent binaryFrame(String connectionId, String base64) {
        return webSocket("message.json", Map.of("routeKey", "$default", "connectionId", connectionId,
                "body", base64, "isBase64Encoded", "true"));
    }

    static APIGatewayV2WebSocketEvent disconnect(String connectionId) {
        return webSocket("disconnect.json", Map.of("connectionId", connectionId));
    }

    static SNSEvent snsNotification(String message) {
        return LambdaEventSerializers.serializerFor(SNSEvent.class, LambdaEvents.class.getClassLoader())
                .fromJson(fill("sns-notification.json", Map.of("message", message)));
    }

    private static APIGatewayV2WebSocketEvent webSocket(String sample, Map<String, String> values) {
        return LambdaEventSerializers.serializerFor(APIGatewayV2WebSocketEvent.class,
                LambdaEvents.class.getClassLoader()).fromJson(fill(sample, values));
    }

    private static String fill(String sample, Map<String, String> values) {
        String json = read("/events/" + sample);
        for (var value : values.entrySet()) {
            String replacement = value.getKey().equals("isBase64Encoded") ? value.getValue() : escape(value.getValue());
            json = json.replace("${" + value.getKey() + "}", replacement);
        }
        return json;
    }

    private static String read(String resource) {
        try (InputStream in = LambdaEvents.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
