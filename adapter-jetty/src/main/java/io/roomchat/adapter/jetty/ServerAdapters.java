package io.roomchat.adapter.jetty;

import io.roomchat.core.port.out.ChatMetrics;
import io.roomchat.core.port.out.ConnectionGateway;

/**
 * The server's own adapters for two of the core's outbound ports, handed to the core it runs: delivery to its
 * sockets ({@link ConnectionGateway}) and its meters ({@link ChatMetrics}).
 */
public record ServerAdapters(ConnectionGateway gateway, ChatMetrics metrics) {
}
