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
 * Between fetches, misses are answered from the last document.
 */
final class JwksKeyCache {
    /** Bounds memory when the issuer is not configured and tokens may bring any {@code iss}. */
    static final int MAX_ENTRIES = 1_000;

    private static final System.Logger LOG = System.getLogger(JwksKeyCache.class.getName());

    private final JwksSource source;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final Map<IssuerKeyId, PublicJwk<?>> keys = new ConcurrentHashMap<>();

    // Guarded by this; only misses take the lock.
    private JwksDocument latest;
    private Instant lastAttempt;
    private boolean lastAttemptFailed;

    JwksKeyCache(JwksSource source, Clock clock, Duration minRefetchInterval) {
        this.source = source;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
    }

    /** The key, or {@link TokenRefused} as "unknown key" or, when fetching failed, "keys unavailable". */
    PublicJwk<?> find(IssuerKeyId id) {
        PublicJwk<?> cached = keys.get(id);
        return cached != null ? cached : findAfterMiss(id);
    }

    private synchronized PublicJwk<?> findAfterMiss(IssuerKeyId id) {
        PublicJwk<?> cached = keys.get(id);
        if (cached != null) { // found by the fetch of a thread that held the lock before us
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

    private boolean mayRefetch() {
        return lastAttempt == null || !clock.instant().isBefore(lastAttempt.plus(minRefetchInterval));
    }

    private void refetch() {
        lastAttempt = clock.instant();
        try {
            latest = source.fetch();
            lastAttemptFailed = false;
            keys.keySet().removeIf(id -> latest.key(id.keyId()).isEmpty()); // a withdrawn key is no longer trusted
        } catch (IOException | RuntimeException failure) {
            lastAttemptFailed = true;
            LOG.log(Level.WARNING, "Fetching the JWKS document failed: {0}", failure.toString());
        }
    }

    private void remember(IssuerKeyId id, PublicJwk<?> key) {
        if (keys.size() >= MAX_ENTRIES) {
            keys.clear();
        }
        keys.put(id, key);
    }
}
