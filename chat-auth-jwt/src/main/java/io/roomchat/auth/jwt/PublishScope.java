package io.roomchat.auth.jwt;

import java.util.Arrays;

/**
 * The OAuth 2.0 {@code scope} claim (RFC 8693 §4.2: one string of space-separated scopes, as Auth0 and Cognito
 * issue it) and the one scope the server API requires. Only a whole word counts: {@code chat:publisher} or
 * {@code xchat:publish} grant nothing, and neither does a claim that is not a string.
 */
final class PublishScope {
    static final String CLAIM = "scope";
    static final String PUBLISH = "chat:publish";
    static final String MISSING = "scope: the token must grant " + PUBLISH;

    private PublishScope() {
    }

    static boolean grants(Object scope) {
        return scope instanceof String words && Arrays.asList(words.split(" ")).contains(PUBLISH);
    }
}
