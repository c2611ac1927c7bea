package io.roomchat.core.port.out;

/**
 * Checks a server API token: whose it is, and whether it grants posting without a connection. The server API's
 * door asks it before it reads a request's body. Never logs or echoes the token.
 */
@FunctionalInterface
public interface PublisherVerifier {

    PublisherVerification verifyPublisher(String token);

    /** For a binding without a server API: every token is refused. */
    static PublisherVerifier none() {
        return token -> new PublisherVerification.Unauthenticated("this server accepts no publisher tokens");
    }
}
