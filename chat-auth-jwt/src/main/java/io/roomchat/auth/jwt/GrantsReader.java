package io.roomchat.auth.jwt;

import io.jsonwebtoken.Claims;
import io.roomchat.core.domain.AccessGrants;
import io.roomchat.core.domain.RoomPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a verified token's access claims into {@link AccessGrants}. A claim that is present must be an array of at
 * most {@link AccessGrants#MAX_PATTERNS} room patterns; anything else refuses the token (with a reason naming the
 * claim's role, never its content): a grant the server cannot read must not quietly mean "every room".
 */
final class GrantsReader {
    private final AccessClaims names;

    GrantsReader(AccessClaims names) {
        this.names = names;
    }

    AccessGrants grantsOf(Claims verified) {
        Optional<List<RoomPattern>> rooms = patterns(verified.get(names.rooms()), RefusalReason.MALFORMED_ROOMS_CLAIM);
        List<RoomPattern> moderates = patterns(verified.get(names.moderator()),
                RefusalReason.MALFORMED_MODERATOR_CLAIM).orElse(List.of());
        if (rooms.isEmpty() && moderates.isEmpty()) {
            return AccessGrants.NONE; // shared: a connection record then holds no grants of its own (24 bytes)
        }
        return new AccessGrants(rooms, moderates);
    }

    private static Optional<List<RoomPattern>> patterns(Object claim, RefusalReason malformed) {
        if (claim == null) {
            return Optional.empty();
        }
        if (!(claim instanceof List<?> values) || values.size() > AccessGrants.MAX_PATTERNS) {
            throw new TokenRefused(malformed);
        }
        List<RoomPattern> patterns = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!(value instanceof String text)) {
                throw new TokenRefused(malformed);
            }
            try {
                patterns.add(new RoomPattern(text));
            } catch (IllegalArgumentException invalid) {
                throw new TokenRefused(malformed);
            }
        }
        return Optional.of(patterns);
    }
}
