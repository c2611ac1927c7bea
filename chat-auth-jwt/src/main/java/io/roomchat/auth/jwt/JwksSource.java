package io.roomchat.auth.jwt;

import java.util.concurrent.CompletableFuture;

/** Fetches the current JWKS document without holding up the caller. */
@FunctionalInterface
interface JwksSource {

    /** Completes within the source's own deadline: with the document, or exceptionally on any failure. */
    CompletableFuture<JwksDocument> fetch();
}
