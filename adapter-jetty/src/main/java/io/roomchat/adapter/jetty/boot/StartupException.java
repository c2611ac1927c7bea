package io.roomchat.adapter.jetty.boot;

/**
 * Why the server does not start; its message tells the operator what to change or what to bring up. The process
 * exits with {@link #exitCode()}: 2 for a setting that cannot work (fix the settings), 1 for a database or Redis that
 * does not answer now (the same settings may work once it is up, so a supervisor may retry).
 */
final class StartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    StartupException(String message) {
        this(message, null, Main.BAD_SETTINGS);
    }

    StartupException(String message, Throwable cause) {
        this(message, cause, Main.BAD_SETTINGS);
    }

    private StartupException(String message, Throwable cause, int exitCode) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A service the settings name (the database, Redis) cannot be reached or used now. */
    static StartupException unavailable(String message, Throwable cause) {
        return new StartupException(message, cause, Main.UNAVAILABLE);
    }

    int exitCode() {
        return exitCode;
    }
}
