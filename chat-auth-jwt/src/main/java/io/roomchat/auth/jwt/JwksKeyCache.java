package io.roomchat.auth.jwt;

import io.jsonwebtoken.security.PublicJwk;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Published keys, cached per issuer and {@code kid}, so that a token whose key is cached never waits on the
 * network. A miss refetches the JWKS document, but at most once per {@code minRefetchInterval} (failed attempts
 * count too), so a flood of tokens with made-up {@code kid}s or issuers costs at most one fetch per interval;
 * between fetches, misses are answered from the last document.
 *
 * <p>At most one fetch is in flight, and no lock is held while it runs. The miss that starts a fetch waits for
 * it (the source's deadline bounds that); a miss that finds a fetch already in flight waits at most
 * {@link #JOIN_WAIT} for it and is then refused as "keys unavailable", so a slow endpoint holds one request
 * thread, not every thread that brings an unknown {@code kid}.
 *
 * <p>A document older than {@link #MAX_DOCUMENT_AGE} is read again in the background on the next token, so a
 * withdrawn key stops being trusted; cached keys keep serving while that runs, and while it fails. An entry is
 * only ever made by a miss for its own issuer, so one issuer's key is never handed to another's token.
 */
final class JwksKeyCache {
    /** Bounds memory when the issuer is not configured and tokens may bring any {@code iss}. */
    static final int MAX_ENTRIES = 1_000;
    static final Duration MAX_DOCUMENT_AGE = Duration.ofMinutes(10);
    /** Enough for a healthy endpoint to answer tokens signed with a freshly rotated key; too short to pile up threads. */
    static final Duration JOIN_WAIT = Duration.ofMillis(250);

    private static final System.Logger LOG = System.getLogger(JwksKeyCache.class.getName());

    private final JwksSource source;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final Map<IssuerKeyId, PublicJwk<?>> keys = new ConcurrentHashMap<>();

    // Guarded by this, held only to read or change these fields: never while fetching.
    private JwksDocument latest;
    private Instant lastAttempt;
    private boolean lastAttemptFailed;
    private CompletableFuture<Void> inFlight;
    private volatile Instant lastSuccess;

    JwksKeyCache(JwksSource source, Clock clock, Duration minRefetchInterval) {
        this.source = source;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
    }

    /** The key, or {@link TokenRefused} as "unknown key" or, when fetching failed or is still running, "keys unavailable". */
    PublicJwk<?> find(IssuerKeyId id) {
        PublicJwk<?> cached = keys.get(id);
        if (cached != null) {
            if (documentIsOld()) {
                fetchIfDue(); // not waited for: the cached key serves meanwhile
            }
            return cached;
        }
        Optional<Fetch> fetch = fetchIfDue();
        fetch.ifPresent(Fetch::await);
        return published(id);
    }

    private synchronized PublicJwk<?> published(IssuerKeyId id) {
        Optional<PublicJwk<?>> published = latest == null ? Optional.empty() : latest.key(id.keyId());
        if (published.isEmpty()) {
            boolean unsure = lastAttemptFailed || inFlight != null;
            throw new TokenRefused(unsure ? RefusalReason.KEYS_UNAVAILABLE : RefusalReason.UNKNOWN_KEY);
        }
        remember(id, published.get());
        return published.get();
    }

    /** The fetch in flight, else a new one when the interval allows, else none. */
    private Optional<Fetch> fetchIfDue() {
        CompletableFuture<Void> settled;
        Instant attempt;
        synchronized (this) {
            if (inFlight != null) {
                return Optional.of(new Fetch(inFlight, false));
            }
            if (lastAttempt != null && clock.instant().isBefore(lastAttempt.plus(minRefetchInterval))) {
                return Optional.empty();
            }
            attempt = clock.instant();
            lastAttempt = attempt;
            settled = new CompletableFuture<>();
            inFlight = settled;
        }
        fetched().whenComplete((document, failure) -> settle(settled, attempt, document, failure));
        return Optional.of(new Fetch(settled, true));
    }

    private CompletableFuture<JwksDocument> fetched() {
        try {
            return source.fetch();
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private void settle(CompletableFuture<Void> settled, Instant attempt, JwksDocument document, Throwable failure) {
        synchronized (this) {
            if (failure == null) {
                latest = document;
                lastSuccess = attempt;
                forgetKeysNoLongerPublished();
            }
            lastAttemptFailed = failure != null;
            inFlight = null;
        }
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            LOG.log(Level.WARNING, "Fetching the JWKS document failed: {0}", cause.toString());
        }
        settled.complete(null);
    }

    private boolean documentIsOld() {
        Instant fetched = lastSuccess;
        return fetched != null && !clock.instant().isBefore(fetched.plus(MAX_DOCUMENT_AGE));
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

    /** A fetch in flight; {@code settled} completes, never exceptionally, once its outcome is recorded. */
    private record Fetch(CompletableFuture<Void> settled, boolean startedHere) {
        void await() {
            try {
                if (startedHere) {
                    settled.get(); // the source completes within its deadline
                } else {
                    settled.get(JOIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException stillRunning) {
                // answered from what is known now; the fetch goes on for the tokens after this one
            }
        }
    }
}
