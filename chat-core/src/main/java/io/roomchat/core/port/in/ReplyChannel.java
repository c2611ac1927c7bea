package io.roomchat.core.port.in;

/**
 * Where a frame's one reply goes, as soon as the core has it: a resuming join sends its reply before the catch-up
 * events that follow it (docs/protocol.md, Resume), so the reply cannot wait for the command to return.
 */
@FunctionalInterface
public interface ReplyChannel {
    void send(Reply reply);
}
