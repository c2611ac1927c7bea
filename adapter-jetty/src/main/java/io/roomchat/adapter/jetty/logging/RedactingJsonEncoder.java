package io.roomchat.adapter.jetty.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * One JSON object per line (Logstash's field names: {@code @timestamp}, {@code level}, {@code logger_name},
 * {@code message}, {@code stack_trace}, and each MDC entry, such as {@code connectionId}), every line passed
 * through {@link TokenRedaction} as the text lines are. The mask and the token shapes need no JSON escaping, so
 * the redacted line is still valid JSON.
 */
public class RedactingJsonEncoder extends LogstashEncoder {

    @Override
    public byte[] encode(ILoggingEvent event) {
        return TokenRedaction.redact(new String(super.encode(event), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
    }
}
