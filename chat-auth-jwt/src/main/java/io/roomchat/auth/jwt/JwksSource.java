package io.roomchat.auth.jwt;

import java.io.IOException;

/** Fetches the current JWKS document. */
@FunctionalInterface
interface JwksSource {

    JwksDocument fetch() throws IOException;
}
