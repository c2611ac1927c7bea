package io.roomchat.resilience.soak;

/**
 * One acknowledged change to a room — a new message, an edit or a delete — with the times its client sent the frame
 * and saw the 200 reply ({@link System#nanoTime()}, one clock for every thread of the test). The send time is
 * read just before sending and the reply time just after receiving, so each brackets the server's work.
 */
record Change(Kind kind, String room, String userId, String name, String messageId, String postedAt, String text,
              long sentNanos, long ackedNanos) {

    enum Kind { POST, EDIT, DELETE }

    /**
     * The event this change makes every member receive, as a key unique in the whole soak: a message id for a new
     * message or a delete (each happens once per message), the edit's text for an edit (every text is unique).
     */
    String eventKey() {
        return switch (kind) {
            case POST -> "post:" + messageId;
            case EDIT -> "edit:" + text;
            case DELETE -> "delete:" + messageId;
        };
    }
}
