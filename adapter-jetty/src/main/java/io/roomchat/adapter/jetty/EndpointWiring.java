package io.roomchat.adapter.jetty;

import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.Limits;
import io.roomchat.wire.FramePipeline;
import java.time.Clock;

/**
 * What every connection's endpoint shares: the core, the frame pipeline, the open sockets (with their frame
 * budgets), the meters, and the time tokens run out by.
 */
record EndpointWiring(ChatCore core, FramePipeline pipeline, JettyConnectionGateway gateway, Limits limits,
                      MicrometerChatMetrics metrics, Clock clock) {
}
