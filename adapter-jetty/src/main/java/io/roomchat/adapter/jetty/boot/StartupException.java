package io.roomchat.adapter.jetty.boot;

/** A setting that cannot work; its message tells the operator what to change. The process exits with 2. */
final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
