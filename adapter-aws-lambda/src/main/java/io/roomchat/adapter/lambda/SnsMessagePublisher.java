package io.roomchat.adapter.lambda;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.port.out.MessagePublisher;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes a stored message to the fan-out topic; the topic's subscriber broadcasts it to the room. The message
 * is stored before this runs, so a failure here (after the SDK's own retries) is a 500 to the sender while the
 * message stays in history: the failure is reported, never hidden.
 */
final class SnsMessagePublisher implements MessagePublisher {
    private final SnsClient sns;
    private final String topicArn;
    private final CallbackEndpoint endpoint;

    SnsMessagePublisher(SnsClient sns, String topicArn, CallbackEndpoint endpoint) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.endpoint = endpoint;
    }

    @Override
    public void publish(ChatMessage message) {
        String payload = SnsPayload.encode(message, endpoint.current());
        try {
            sns.publish(request -> request.topicArn(topicArn).message(payload));
        } catch (SdkException failure) {
            throw new FanoutUnavailableException(failure);
        }
    }

    /** The bus refused or could not be reached; carries the SDK's error class, not the payload. */
    static final class FanoutUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FanoutUnavailableException(SdkException cause) {
            super("publish to the fan-out topic failed: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
