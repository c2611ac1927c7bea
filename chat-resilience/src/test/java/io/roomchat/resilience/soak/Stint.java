package io.roomchat.resilience.soak;

/**
 * One connection's stay in one room, in the client's clock: it sent the join at {@code joinSent} and saw its reply
 * at {@code joinReplied}; it sent what ended the stay (the next join, or the last request before disconnecting)
 * at {@code leaveSent} and saw its reply at {@code leaveReplied} ({@link Long#MAX_VALUE} when it disconnected:
 * nothing arrives after that anyway).
 */
record Stint(String room, long joinSent, long joinReplied, long leaveSent, long leaveReplied) {

    /**
     * Whether the server must have delivered {@code change} to this connection. The server updates membership
     * before it replies to a join, and fans a change out before it replies to its author; members of a room see
     * its changes one at a time in one order. So a change sent after the join's reply arrived and acknowledged
     * before the leave was sent was fanned out while this connection was surely in the room.
     */
    boolean mustReceive(Change change) {
        return change.room().equals(room) && change.sentNanos() > joinReplied && change.ackedNanos() < leaveSent;
    }

    /**
     * Whether the server may have delivered {@code change} to this connection: its fan-out overlapped the time
     * this connection could have been in the room, from sending the join to seeing the reply to the leave.
     */
    boolean mayReceive(Change change) {
        return change.room().equals(room) && change.ackedNanos() > joinSent && change.sentNanos() < leaveReplied;
    }
}
