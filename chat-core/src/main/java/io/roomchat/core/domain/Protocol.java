package io.roomchat.core.domain;

/**
 * The wire protocol a connection speaks, fixed when it connects. v1 is the original's: one room per connection.
 * v2 adds many rooms per connection, presence, typing, read positions and resume (docs/protocol.md, "v2").
 */
public enum Protocol {
    V1,
    V2
}
