package io.roomchat.adapter.jetty;

import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ConnectionGateway;

/** What the server offers the core it runs: delivery to its sockets, and its meters. */
public record ServerPorts(ConnectionGateway gateway, ChatMetrics metrics) {
}
