package io.roomchat.adapter.jetty.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.LoggerFactory;

/**
 * The server's logging, set up in code rather than from XML (parsing a {@code logback.xml} is a good part of a
 * cold start): one console appender whose every line is token-redacted, text or JSON as {@code CHAT_LOG_FORMAT}
 * says ({@link LogFormat}; {@code --log-format} switches it once the options are read), the root at
 * {@code CHAT_LOG_LEVEL} (default INFO), Jetty at WARN. An explicit configuration wins: a
 * {@code -Dlogback.configurationFile}, or a {@code logback-test.xml} / {@code logback.xml} on the classpath.
 * Logback finds this class through {@code META-INF/services}.
 */
public final class ServerLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{30} - %msg%n";
    private static final String CONSOLE = "console";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || hasResource("logback-test.xml")
                || hasResource("logback.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(CONSOLE);
        console.setEncoder(LogFormat.of(System.getenv("CHAT_LOG_FORMAT")).encoder(context));
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv("CHAT_LOG_LEVEL"), Level.INFO));
        root.addAppender(console);
        // Jetty's own start-up lines would make several; the application logs one.
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Writes the console's lines in {@code format} from now on; an explicit logback configuration is left alone. */
    public static void use(LogFormat format) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(CONSOLE);
        if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
            console.setEncoder(format.encoder(context));
        }
    }

    private static boolean hasResource(String name) {
        return ServerLogging.class.getClassLoader().getResource(name) != null;
    }
}
