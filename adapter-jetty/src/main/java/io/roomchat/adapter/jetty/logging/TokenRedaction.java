package io.roomchat.adapter.jetty.logging;

import java.util.regex.Pattern;

/**
 * Masks access tokens in text bound for a log: a {@code token=} query parameter, a {@code Bearer} credential, and
 * anything shaped like a JWT. The code never logs a token on purpose; this catches the libraries' lines too
 * (a debug line of Jetty's with the request URI, an exception quoting a header).
 */
public final class TokenRedaction {
    public static final String MASK = "***";
    private static final Pattern QUERY_TOKEN = Pattern.compile("(?i)(token=)[^&\\s\"']+");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',]+");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private TokenRedaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = JWT.matcher(text).replaceAll(MASK);
        masked = QUERY_TOKEN.matcher(masked).replaceAll("$1" + MASK);
        return BEARER.matcher(masked).replaceAll("$1" + MASK);
    }
}
