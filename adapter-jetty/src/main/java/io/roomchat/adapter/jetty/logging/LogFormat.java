package io.roomchat.adapter.jetty.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;

/** How the server writes its log lines: {@code CHAT_LOG_FORMAT} / {@code --log-format}. Both redact tokens. */
public enum LogFormat {
    /** One line of text per event, for a person reading a terminal: the default. */
    TEXT,
    /** One JSON object per line, for a log collector; MDC entries (the connection id) become fields. */
    JSON;

    /** A started encoder writing this format. */
    public Encoder<ILoggingEvent> encoder(Context context) {
        Encoder<ILoggingEvent> encoder;
        if (this == JSON) {
            encoder = new RedactingJsonEncoder();
        } else {
            RedactingPatternLayout layout = new RedactingPatternLayout();
            layout.setContext(context);
            layout.setPattern(ServerLogging.PATTERN);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> lines = new LayoutWrappingEncoder<>();
            lines.setLayout(layout);
            encoder = lines;
        }
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    /**
     * The format {@code CHAT_LOG_FORMAT} names, in any case; text when unset or unknown, which the command line
     * then refuses with the valid values (logging starts before the options are read).
     */
    static LogFormat of(String value) {
        for (LogFormat format : values()) {
            if (format.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return format;
            }
        }
        return TEXT;
    }
}
