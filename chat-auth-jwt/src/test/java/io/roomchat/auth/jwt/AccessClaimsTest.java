package io.roomchat.auth.jwt;

import static io.roomchat.auth.jwt.TestTokens.FIXED_CLOCK;
import static io.roomchat.auth.jwt.TestTokens.SECRET;
import static io.roomchat.auth.jwt.TestTokens.aliceToken;
import static io.roomchat.auth.jwt.TestTokens.assertRefused;
import static io.roomchat.auth.jwt.TestTokens.hmacKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.roomchat.core.domain.AccessGrants;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPattern;
import io.roomchat.core.port.out.TokenVerification;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rooms and moderator claims, read into the identity's grants under configurable (namespaced) names. */
class AccessClaimsTest {
    private static final AccessClaims AUTH0 = new AccessClaims("https://example.com/rooms",
            "https://example.com/mod");

    private final JwtTokenVerifier defaults = JwtTokenVerifier.hs256(SECRET).clock(FIXED_CLOCK).build();
    private final JwtTokenVerifier namespaced = JwtTokenVerifier.hs256(SECRET).clock(FIXED_CLOCK)
            .accessClaims(AUTH0).build();

    private static String signed(JwtBuilder token) {
        return token.signWith(hmacKey(SECRET), Jwts.SIG.HS256).compact();
    }

    private static Identity identity(TokenVerification verification) {
        assertThat(verification).isInstanceOf(TokenVerification.Verified.class);
        return ((TokenVerification.Verified) verification).identity();
    }

    private static List<RoomPattern> patterns(String... values) {
        return java.util.Arrays.stream(values).map(RoomPattern::new).toList();
    }

    @Test
    void a_token_without_the_claims_grants_nothing_so_every_room_stays_open() {
        assertThat(identity(defaults.verify(signed(aliceToken()))).grants()).isEqualTo(AccessGrants.NONE);
    }

    @Test
    void tokens_without_the_claims_share_one_grants_value_so_a_connection_record_holds_none_of_its_own() {
        assertThat(identity(defaults.verify(signed(aliceToken()))).grants()).isSameAs(AccessGrants.NONE);
    }

    @Test
    void the_default_names_are_rooms_and_mod() {
        String token = signed(aliceToken().claim("rooms", List.of("team-*", "general"))
                .claim("mod", List.of("team-a")));

        AccessGrants grants = identity(defaults.verify(token)).grants();

        assertThat(grants.rooms()).contains(patterns("team-*", "general"));
        assertThat(grants.moderates()).isEqualTo(patterns("team-a"));
    }

    @Test
    void namespaced_claim_names_are_read_as_they_are() {
        String token = signed(aliceToken().claims(Map.of("https://example.com/rooms", List.of("ops-*"),
                "https://example.com/mod", List.of("ops-*"), "rooms", List.of("ignored"))));

        AccessGrants grants = identity(namespaced.verify(token)).grants();

        assertThat(grants.rooms()).contains(patterns("ops-*"));
        assertThat(grants.moderates(new RoomName("ops-1"))).isTrue();
    }

    @Test
    void an_empty_rooms_array_limits_joins_to_direct_rooms() {
        AccessGrants grants = identity(defaults.verify(signed(aliceToken().claim("rooms", List.of())))).grants();

        assertThat(grants.rooms()).contains(List.of());
        assertThat(grants.mayJoin(new RoomName("general"))).isFalse();
    }

    @Test
    void a_rooms_claim_that_is_not_an_array_of_patterns_refuses_the_token_with_a_reason_naming_it() {
        for (Object wrong : new Object[] {"team-*", 7, Map.of("a", "b"), List.of(1, 2), List.of("ok", ""),
                List.of("line\nbreak"), Collections.nCopies(51, "x"), true}) {
            String token = signed(aliceToken().claim("rooms", wrong));
            assertRefused(defaults.verify(token), token, "rooms claim not a list of patterns");
        }
    }

    @Test
    void a_moderator_claim_of_the_wrong_type_refuses_the_token_too() {
        String token = signed(aliceToken().claim("https://example.com/mod", "ops-*"));

        assertRefused(namespaced.verify(token), token, "moderator claim not a list of patterns");
    }

    @Test
    void the_settings_read_the_claim_names_from_the_environment_with_defaults() {
        assertThat(TokenSettings.fromEnvironment(Map.of()).accessClaims()).isEqualTo(AccessClaims.DEFAULT);
        assertThat(TokenSettings.fromEnvironment(Map.of("CHAT_ROOMS_CLAIM", "https://example.com/rooms",
                "CHAT_MODERATOR_CLAIM", " https://example.com/mod ")).accessClaims()).isEqualTo(AUTH0);
        assertThat(TokenSettings.fromEnvironment(Map.of("CHAT_ROOMS_CLAIM", "  ")).accessClaims())
                .isEqualTo(AccessClaims.DEFAULT);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TokenSettings.fromEnvironment(Map.of("CHAT_MODERATOR_CLAIM", "rooms")))
                .withMessage("CHAT_ROOMS_CLAIM and CHAT_MODERATOR_CLAIM must name different claims");
    }

    @Test
    void the_configured_names_reach_the_verifier_every_binding_builds() {
        TokenSettings settings = new TokenSettings(Optional.of(SECRET), Optional.empty(), false, Optional.empty(),
                Optional.empty(), AUTH0);
        String token = JwtTokenIssuer.hs256(SECRET).issue("alice", null, java.time.Duration.ofMinutes(5),
                Map.of("https://example.com/rooms", List.of("team-*")));

        Identity alice = identity(Authentication.forFunction(settings).verifier().verify(token));

        assertThat(alice.grants().mayJoin(new RoomName("team-a"))).isTrue();
        assertThat(alice.grants().mayJoin(new RoomName("general"))).isFalse();
    }
}
