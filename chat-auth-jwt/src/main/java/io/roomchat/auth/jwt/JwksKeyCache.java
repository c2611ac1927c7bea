package io.roomchat.auth.jwt;

import io.jsonwebtoken.security.PublicJwk;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Published keys, cached per issuer and {@code kid}. A miss refetches the JWKS document,
 * but at most once per {@code minRefetchInterval} (failed attempts count too), so a flood
 * of tokens with made-up {@code kid}s or issuers costs at most one fetch per interval.
 * Between fetches, misses are answered from the last document. A document older than
 * {@link #MAX_DOCUMENT_AGE} is read again on the next token, so a withdrawn key stops being
 * trusted; while that fails, the cached keys keep serving. An entry is only ever made by a
 * miss for its own issuer, so one issuer's key is never handed to another's token.
 */
final class JwksKeyCache {
    /** Bounds memory when the issuer is not configured and tokens may bring any {@code iss}. */
    static final int MAX_ENTRIES = 1_000;
    static final Duration MAX_DOCUMENT_AGE = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger(JwksKeyCache.class.getName());

    private final JwksSource source;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final Map<IssuerKeyId, PublicJwk<?>> keys = new ConcurrentHashMap<>();

    // Guarded by this; only misses take the lock.
    private JwksDocument latest;
    private Instant lastAttempt;
    private boolean lastAttemptFailed;
    private volatile Instant lastSuccess;

    JwksKeyCache(JwksSource source, Clock clock, Duration minRefetchInterval) {
        this.source = source;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
    }

    /** The key, or {@link TokenRefused} as "unknown key" or, when fetching failed, "keys unavailable". */
    PublicJwk<?> find(IssuerKeyId id) {
        PublicJwk<?> cached = keys.get(id);
        return cached != null && !documentIsOld() ? cached : findLocked(id);
    }

    private synchronized PublicJwk<?> findLocked(IssuerKeyId id) {
        if (documentIsOld() && mayRefetch()) {
            refetch();
        }
        PublicJwk<?> cached = keys.get(id);
        if (cached != null) { // still published, or found by the fetch of a thread that held the lock before us
            return cached;
        }
        if (mayRefetch()) {
            refetch();
        }
        Optional<PublicJwk<?>> published = latest == null ? Optional.empty() : latest.key(id.keyId());
        if (published.isEmpty()) {
            throw new TokenRefused(lastAttemptFailed ? RefusalReason.KEYS_UNAVAILABLE : RefusalReason.UNKNOWN_KEY);
        }
        remember(id, published.get());
        return published.get();
    }

    private boolean documentIsOld() {
        Instant fetched = lastSuccess;
        return fetched != null && !clock.instant().isBefore(fetched.plus(MAX_DOCUMENT_AGE));
    }

    private boolean mayRefetch() {
        return lastAttempt == null || !clock.instant().isBefore(lastAttempt.plus(minRefetchInterval));
    }

    private void refetch() {
        lastAttempt = clock.instant();
        try {
            latest = source.fetch();
            lastAttemptFailed = false;
            lastSuccess = lastAttempt;
            forgetKeysNoLongerPublished();
        } catch (IOException | RuntimeException failure) {
            lastAttemptFailed = true;
            LOG.log(Level.WARNING, "Fetching the JWKS document failed: {0}", failure.toString());
        }
    }

    /** The URL is the authority: a key it withdrew or replaced under the same kid is no longer trusted. */
    private void forgetKeysNoLongerPublished() {
        keys.entrySet().removeIf(entry -> !latest.key(entry.getKey().keyId()).map(entry.getValue()::equals).orElse(false));
    }

    private void remember(IssuerKeyId id, PublicJwk<?> key) {
        if (keys.size() >= MAX_ENTRIES) {
            keys.clear();
        }
        keys.put(id, key);
    }
}
