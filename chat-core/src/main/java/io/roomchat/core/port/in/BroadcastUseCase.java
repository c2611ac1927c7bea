package io.roomchat.core.port.in;

import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.FanoutReport;

/**
 * Deliver a published room event to the connections of its room that this core knows, by the event's recipient
 * rule, and drop the records of connections that are gone. The subscriber of a bus calls this.
 */
public interface BroadcastUseCase {

    FanoutReport broadcast(Announcement announcement);
}
