package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.roomchat.core.port.in.BroadcastUseCase;
import io.roomchat.core.port.out.FanoutReport;
import java.lang.System.Logger.Level;

/**
 * The SNS subscriber: broadcasts each published room event (message, presence, typing, read) to its room. A payload it cannot read is logged and
 * dropped (a retry would not help); a store failure propagates, so that Lambda retries the notification.
 */
final class FanoutSubscriber {
    private static final System.Logger LOG = System.getLogger(FanoutSubscriber.class.getName());

    private final BroadcastUseCase broadcasting;
    private final CallbackEndpoint endpoint;

    FanoutSubscriber(BroadcastUseCase broadcasting, CallbackEndpoint endpoint) {
        this.broadcasting = broadcasting;
        this.endpoint = endpoint;
    }

    /** @return the fan-out of the last record, for the caller's log and tests */
    FanoutReport handle(SNSEvent event) {
        FanoutReport last = new FanoutReport(0, 0, 0);
        if (event == null || event.getRecords() == null) {
            return last;
        }
        for (SNSEvent.SNSRecord record : event.getRecords()) {
            SnsPayload.Published published;
            try {
                published = SnsPayload.decode(record.getSNS() == null ? null : record.getSNS().getMessage());
            } catch (RuntimeException unreadable) {
                LOG.log(Level.WARNING, "dropping SNS notification {0}: {1}", notificationId(record),
                        unreadable.getMessage());
                continue;
            }
            published.callbackEndpoint().ifPresent(endpoint::learn);
            last = broadcasting.broadcast(published.announcement());
            LOG.log(Level.INFO, "fan-out of a {0} event to its room: {1} delivered, {2} gone, {3} failed",
                    published.announcement().event().getClass().getSimpleName(), last.delivered(), last.gone(),
                    last.failed());
        }
        return last;
    }

    private static String notificationId(SNSEvent.SNSRecord record) {
        return record.getSNS() == null ? "?" : record.getSNS().getMessageId();
    }
}
