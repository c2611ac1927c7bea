package io.roomchat.core.port.out;

/**
 * Infrastructure trouble in a store (unreachable, throttled, timed out). Adapters wrap their driver's exception
 * in this once, so no driver type crosses a port; the client sees a fixed 500 text.
 */
public class ChatStorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChatStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChatStorageException(String message) {
        super(message);
    }
}
