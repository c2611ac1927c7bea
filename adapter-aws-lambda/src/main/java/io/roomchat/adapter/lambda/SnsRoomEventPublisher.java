package io.roomchat.adapter.lambda;

import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.RoomEventPublisher;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes a room event to the fan-out topic; the topic's subscriber broadcasts it to the room. Every kind goes
 * there: stored messages (stored before this runs, so a failure here, after the SDK's own retries, is a 500 to the
 * sender while the message stays in history: reported, never hidden), presence, typing and read events.
 */
final class SnsRoomEventPublisher implements RoomEventPublisher {
    private final SnsClient sns;
    private final String topicArn;
    private final CallbackEndpoint endpoint;

    SnsRoomEventPublisher(SnsClient sns, String topicArn, CallbackEndpoint endpoint) {
        this.sns = sns;
        this.topicArn = topicArn;
        this.endpoint = endpoint;
    }

    @Override
    public void publish(Announcement announcement) {
        String payload = SnsPayload.encode(announcement, endpoint.current());
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
