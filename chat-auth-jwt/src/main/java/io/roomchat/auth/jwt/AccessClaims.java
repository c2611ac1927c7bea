package io.roomchat.auth.jwt;

/**
 * The names of the two claims that carry a token's access grants: the rooms its holder may join and the rooms it
 * moderates, each an array of room patterns. Names are compared exactly, so namespaced ones (Auth0 requires them
 * for custom claims, {@code https://example.com/rooms}) work as they are.
 */
public record AccessClaims(String rooms, String moderator) {
    public static final AccessClaims DEFAULT = new AccessClaims("rooms", "mod");

    public AccessClaims {
        rooms = requireName(rooms, "CHAT_ROOMS_CLAIM");
        moderator = requireName(moderator, "CHAT_MODERATOR_CLAIM");
        if (rooms.equals(moderator)) {
            throw new IllegalArgumentException("CHAT_ROOMS_CLAIM and CHAT_MODERATOR_CLAIM must name different claims");
        }
    }

    private static String requireName(String name, String setting) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(setting + " must not be blank");
        }
        return name.trim();
    }
}
