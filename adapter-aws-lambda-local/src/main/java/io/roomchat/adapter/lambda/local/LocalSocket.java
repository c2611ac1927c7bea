package io.roomchat.adapter.lambda.local;

import java.time.Instant;

/** One connection API Gateway would hold open: a real WebSocket, or (for benchmarks) an in-process sink. */
interface LocalSocket {

    /** Delivers a frame; returns once it is written. */
    void send(String frame) throws Exception;

    /** Closes it from the server's side, as {@code DELETE @connections/{id}} does. */
    void close();

    Instant connectedAt();

    String sourceIp();
}
