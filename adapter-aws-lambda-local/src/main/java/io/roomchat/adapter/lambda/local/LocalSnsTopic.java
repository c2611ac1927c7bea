package io.roomchat.adapter.lambda.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.joda.time.DateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SNS topic, served at the root of the stand-in's port (form-encoded POSTs there are SNS calls), with one
 * Lambda subscriber. Accepts the SDK's real {@code Publish} call (AWS Query protocol: a form-encoded POST,
 * answered in XML), then invokes the subscriber with an {@code SNSEvent}, asynchronously, as
 * SNS invokes Lambda, but one notification at a time, so that a local run delivers in publish order (on AWS,
 * concurrent invocations may not). Other actions are refused with SNS's own error shape.
 */
final class LocalSnsTopic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSnsTopic.class);
    private static final String XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final String topicArn;
    private volatile String lastPublished;
    private final RequestHandler<SNSEvent, ?> subscriber;
    private final ExecutorService invocations = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-sns-invoke");
        thread.setDaemon(true);
        return thread;
    });

    LocalSnsTopic(String topicArn, RequestHandler<SNSEvent, ?> subscriber) {
        this.topicArn = topicArn;
        this.subscriber = subscriber;
    }

    /** The SDK posts AWS Query requests to the endpoint's root, whatever path the endpoint has. */
    static boolean matches(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        return "POST".equals(request.getMethod()) && "/".equals(request.getHttpURI().getPath())
                && type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    boolean handle(Request request, Response response, Callback callback) throws Exception {
        Map<String, String> form = form(Content.Source.asString(request, StandardCharsets.UTF_8));
        String requestId = UUID.randomUUID().toString();
        if (!"Publish".equals(form.get("Action"))) {
            return error(response, callback, 400, "InvalidAction", "only Publish is supported here", requestId);
        }
        if (!topicArn.equals(form.get("TopicArn"))) {
            return error(response, callback, 404, "NotFound", "Topic does not exist", requestId);
        }
        String message = form.get("Message");
        if (message == null) {
            return error(response, callback, 400, "InvalidParameter", "Message is required", requestId);
        }
        String messageId = UUID.randomUUID().toString();
        lastPublished = message;
        invocations.execute(() -> deliver(messageId, message));
        return HttpReplies.send(response, callback, 200, "text/xml",
                "<PublishResponse xmlns=\"" + XMLNS + "\"><PublishResult><MessageId>" + messageId
                        + "</MessageId></PublishResult><ResponseMetadata><RequestId>" + requestId
                        + "</RequestId></ResponseMetadata></PublishResponse>");
    }

    Optional<String> lastPublished() {
        return Optional.ofNullable(lastPublished);
    }

    /** The notification SNS would send the subscriber for {@code message}. */
    SNSEvent notification(String messageId, String message) {
        SNSEvent.SNS sns = new SNSEvent.SNS()
                .withType("Notification")
                .withMessageId(messageId)
                .withTopicArn(topicArn)
                .withMessage(message)
                .withTimestamp(DateTime.now())
                .withSignatureVersion("1");
        return new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord()
                .withEventSource("aws:sns")
                .withEventVersion("1.0")
                .withEventSubscriptionArn(topicArn + ":local")
                .withSns(sns)));
    }

    private void deliver(String messageId, String message) {
        try {
            subscriber.handleRequest(notification(messageId, message), null);
        } catch (RuntimeException failure) {
            LOG.warn("subscriber failed on SNS message {}: {}", messageId, failure.getClass().getSimpleName());
        }
    }

    private static boolean error(Response response, Callback callback, int status, String code, String message,
                                 String requestId) {
        return HttpReplies.send(response, callback, status, "text/xml",
                "<ErrorResponse xmlns=\"" + XMLNS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                        + message + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    @Override
    public void close() {
        invocations.shutdownNow();
    }
}
