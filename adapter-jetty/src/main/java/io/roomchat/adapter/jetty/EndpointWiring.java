package io.roomchat.adapter.jetty;

import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.Limits;
import io.roomchat.wire.WireCodec;

/** What every connection's endpoint is wired to: the core, the wire codec, the open sockets and the meters. */
record EndpointWiring(ChatCore core, WireCodec codec, JettyConnectionGateway gateway, Limits limits,
                      MicrometerChatMetrics metrics) {
}
