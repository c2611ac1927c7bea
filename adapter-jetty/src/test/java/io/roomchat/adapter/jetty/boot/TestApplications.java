package io.roomchat.adapter.jetty.boot;

import java.util.Map;

/** Lets tests in other packages start the whole application from settings, as {@code java -jar} would. */
public final class TestApplications {
    private TestApplications() {
    }

    /** {@code environment} holds the {@code CHAT_*} variables; nothing is read from the real environment. */
    public static ChatApplication start(Map<String, String> environment) {
        return ChatApplication.start(ServerOptions.parse(environment));
    }
}
