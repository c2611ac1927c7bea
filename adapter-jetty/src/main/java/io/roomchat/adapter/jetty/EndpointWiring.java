package io.roomchat.adapter.jetty;

import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.Limits;
import io.roomchat.wire.FramePipeline;
import java.time.Clock;

/**
 * What every connection's endpoint shares: the core, the frame pipeline and the frame budgets it takes from, the
 * open sockets, the meters, and the time tokens run out by.
 */
record EndpointWiring(ChatCore core, FramePipeline pipeline, InMemoryFrameBudgets budgets,
                      JettyConnectionGateway gateway, Limits limits, MicrometerChatMetrics metrics, Clock clock) {
}
