package io.roomchat.adapter.lambda.local;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writing a whole small response at once. */
final class HttpReplies {
    private HttpReplies() {
    }

    static boolean send(Response response, Callback callback, int status, String contentType, String body) {
        response.setStatus(status);
        if (body == null) {
            response.write(true, null, callback);
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** An error as AWS's JSON protocols send it: the error type in {@code x-amzn-ErrorType}. */
    static boolean awsJsonError(Response response, Callback callback, int status, String errorType) {
        response.getHeaders().put("x-amzn-ErrorType", errorType);
        return send(response, callback, status, "application/json", "{\"message\":\"" + errorType + "\"}");
    }
}
