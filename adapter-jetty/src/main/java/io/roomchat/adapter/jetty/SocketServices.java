package io.roomchat.adapter.jetty;

import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.Limits;
import io.roomchat.wire.FramePipeline;

/**
 * What every connection's endpoint shares: the core, the frame pipeline and the frame budgets it takes from, the
 * open sockets and the meters.
 */
record SocketServices(ChatCore core, FramePipeline pipeline, InMemoryFrameBudgets budgets,
                      JettyConnectionGateway gateway, Limits limits, MicrometerChatMetrics metrics) {
}
