package io.roomchat.core.port.out;

/** Checks an access token. Never logs or echoes the token. */
@FunctionalInterface
public interface TokenVerifier {

    TokenVerification verify(String token);
}
