package io.roomchat.adapter.jetty;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser pages may open a socket. Empty allowlist: any. Otherwise a request passes when it has no
 * {@code Origin} (not a browser), comes from the server's own page (same host and port), or its origin is listed.
 * This stops another site's page from connecting with a token it got hold of (cross-site WebSocket hijacking).
 */
final class OriginPolicy {
    private final Set<String> allowed;

    OriginPolicy(Set<String> allowed) {
        this.allowed = allowed.stream().map(OriginPolicy::normalise).collect(Collectors.toUnmodifiableSet());
    }

    boolean allows(String origin, String host) {
        if (allowed.isEmpty() || origin == null) {
            return true;
        }
        String normalised = normalise(origin);
        return allowed.contains(normalised) || sameOrigin(normalised, host);
    }

    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String normalise(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
