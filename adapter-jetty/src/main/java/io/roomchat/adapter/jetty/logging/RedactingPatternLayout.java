package io.roomchat.adapter.jetty.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's pattern layout with every finished line, stack traces included, passed through {@link TokenRedaction}. */
public class RedactingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return TokenRedaction.redact(super.doLayout(event));
    }
}
