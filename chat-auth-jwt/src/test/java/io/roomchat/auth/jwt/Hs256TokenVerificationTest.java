package io.roomchat.auth.jwt;

import static io.roomchat.auth.jwt.TestTokens.AUDIENCE;
import static io.roomchat.auth.jwt.TestTokens.FIXED_CLOCK;
import static io.roomchat.auth.jwt.TestTokens.ISSUER;
import static io.roomchat.auth.jwt.TestTokens.NOW;
import static io.roomchat.auth.jwt.TestTokens.SECRET;
import static io.roomchat.auth.jwt.TestTokens.aliceToken;
import static io.roomchat.auth.jwt.TestTokens.assertRefused;
import static io.roomchat.auth.jwt.TestTokens.assertVerifiedAs;
import static io.roomchat.auth.jwt.TestTokens.base64Url;
import static io.roomchat.auth.jwt.TestTokens.handMade;
import static io.roomchat.auth.jwt.TestTokens.handSigned;
import static io.roomchat.auth.jwt.TestTokens.hmacKey;
import static io.roomchat.auth.jwt.TestTokens.secondsFromNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Hs256TokenVerificationTest {
    private static final String LONG_SECRET = SECRET + "-made-long-enough-for-hs384-and-hs512-as-well";

    private final JwtTokenVerifier verifier = JwtTokenVerifier.hs256(LONG_SECRET)
            .issuer(ISSUER).audience(AUDIENCE).clock(FIXED_CLOCK).build();

    /** What the verifier above accepts, before each case breaks one thing. */
    static JwtBuilder validClaims() {
        return aliceToken().issuer(ISSUER).audience().add(AUDIENCE).and();
    }

    static String signed(JwtBuilder token) {
        return token.signWith(hmacKey(LONG_SECRET), Jwts.SIG.HS256).compact();
    }

    @Test
    void acceptsAValidHs256TokenAndTakesTheUserIdFromSub() {
        assertVerifiedAs(verifier.verify(signed(validClaims())), "alice");
    }

    @Test
    void acceptsATokenExpiredWithinTheDefaultSixtySecondSkew() {
        assertVerifiedAs(verifier.verify(signed(validClaims().expiration(secondsFromNow(-30)))), "alice");
    }

    @Test
    void acceptsATokenValidFromWithinTheSkew() {
        assertVerifiedAs(verifier.verify(signed(validClaims().notBefore(secondsFromNow(30)))), "alice");
    }

    @Test
    void refusesAJustExpiredTokenWhenTheSkewIsZero() {
        JwtTokenVerifier strict = JwtTokenVerifier.hs256(LONG_SECRET).clock(FIXED_CLOCK).clockSkew(Duration.ZERO).build();
        String token = signed(aliceToken().expiration(secondsFromNow(-1)));

        assertRefused(strict.verify(token), token, "expired");
    }

    @Test
    void acceptsAnAudienceGivenAsASingleStringOrAsOneOfSeveral() {
        assertVerifiedAs(verifier.verify(signed(aliceToken().issuer(ISSUER).audience().single(AUDIENCE))), "alice");
        assertVerifiedAs(verifier.verify(signed(aliceToken().issuer(ISSUER).audience().add("other").add(AUDIENCE).and())), "alice");
    }

    @Test
    void checksNeitherIssuerNorAudienceWhenNoneIsConfigured() {
        JwtTokenVerifier open = JwtTokenVerifier.hs256(LONG_SECRET).clock(FIXED_CLOCK).build();

        assertVerifiedAs(open.verify(signed(aliceToken())), "alice");
    }

    @Test
    void takesTheSecretAsUtf8BytesSoThirtyTwoBytesOfMultibyteTextAreEnough() {
        String sixteenTwoByteChars = "é".repeat(16);
        JwtTokenVerifier verifierWithMultibyteSecret = JwtTokenVerifier.hs256(sixteenTwoByteChars).clock(FIXED_CLOCK).build();
        String token = aliceToken().signWith(hmacKey(sixteenTwoByteChars), Jwts.SIG.HS256).compact();

        assertVerifiedAs(verifierWithMultibyteSecret.verify(token), "alice");
    }

    @ParameterizedTest(name = "{0} is refused as \"{2}\"")
    @MethodSource("refusedTokens")
    void refuses(String what, String token, String reason) {
        assertRefused(verifier.verify(token), token, reason);
    }

    static Stream<Arguments> refusedTokens() {
        String valid = signed(validClaims());
        String validPayload = "{\"sub\":\"alice\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":"
                + NOW.plusSeconds(600).getEpochSecond() + "}";
        String[] parts = valid.split("\\.");
        return Stream.of(
                arguments("alg none, no signature", handMade("{\"alg\":\"none\"}", validPayload, ""), "unsigned token"),
                arguments("alg NONE with a signature", handMade("{\"alg\":\"NONE\"}", validPayload, parts[2]), "unsigned token"),
                arguments("HS256 header but the signature removed", parts[0] + "." + parts[1] + ".", "unsigned token"),
                arguments("HS384 signed with the same secret", signedWith("HmacSHA384", Jwts.SIG.HS384), "algorithm not allowed"),
                arguments("HS512 signed with the same secret", signedWith("HmacSHA512", Jwts.SIG.HS512), "algorithm not allowed"),
                arguments("RS256", validClaims().signWith(Jwts.SIG.RS256.keyPair().build().getPrivate(), Jwts.SIG.RS256).compact(),
                        "algorithm not allowed"),
                arguments("signed with another secret",
                        validClaims().signWith(hmacKey(LONG_SECRET.toUpperCase()), Jwts.SIG.HS256).compact(), "bad signature"),
                arguments("payload tampered after signing",
                        parts[0] + "." + base64Url(validPayload.replace("alice", "mallory")) + "." + parts[2], "bad signature"),
                arguments("expired beyond the skew", signed(validClaims().expiration(secondsFromNow(-61))), "expired"),
                arguments("not valid before a time beyond the skew", signed(validClaims().notBefore(secondsFromNow(61))), "not yet valid"),
                arguments("another issuer", signed(validClaims().issuer("https://elsewhere.example/")), "wrong issuer"),
                arguments("no issuer", signed(aliceToken().audience().add(AUDIENCE).and()), "missing issuer"),
                arguments("another audience", signed(aliceToken().issuer(ISSUER).audience().add("other-app").and()), "wrong audience"),
                arguments("no audience", signed(aliceToken().issuer(ISSUER)), "missing audience"),
                arguments("no sub", signed(validClaims().subject(null)), "missing subject"),
                arguments("a blank sub", signed(validClaims().subject("  ")), "missing subject"),
                arguments("a sub too long for a user id", signed(validClaims().subject("u".repeat(300))), "invalid subject"),
                arguments("no exp", signed(validClaims().expiration(null)), "missing expiry"),
                arguments("claims naming iss twice", handMade("{\"alg\":\"HS256\"}",
                        "{\"iss\":\"" + ISSUER + "\"," + validPayload.substring(1), parts[2]), "malformed token"),
                arguments("a signed payload that is not JSON claims",
                        Jwts.builder().content("just text").signWith(hmacKey(LONG_SECRET), Jwts.SIG.HS256).compact(), "malformed token"),
                arguments("an oversize token", signed(validClaims().claim("padding", "x".repeat(9_000))), "token too long"));
    }

    private static String signedWith(String jcaName, io.jsonwebtoken.security.MacAlgorithm algorithm) {
        return validClaims().signWith(new SecretKeySpec(LONG_SECRET.getBytes(StandardCharsets.UTF_8), jcaName), algorithm).compact();
    }

    /** The claims {@link #validClaims()} makes, written by hand so that one time claim can be given another JSON type. */
    private static String payloadWith(String timeClaim, String value) {
        Map<String, String> times = new LinkedHashMap<>(Map.of(
                "exp", String.valueOf(NOW.plusSeconds(600).getEpochSecond()),
                "nbf", String.valueOf(NOW.minusSeconds(60).getEpochSecond()),
                "iat", String.valueOf(NOW.minusSeconds(60).getEpochSecond())));
        times.put(timeClaim, value);
        return times.entrySet().stream().map(time -> ",\"" + time.getKey() + "\":" + time.getValue())
                .collect(Collectors.joining("", "{\"sub\":\"alice\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\"", "}"));
    }

    @ParameterizedTest(name = "{0} given as {1} is refused")
    @CsvSource(delimiter = '|', value = {
            "exp | \"9999999999\"", "nbf | \"1000000000\"", "iat | \"1000000000\"",
            "exp | \"2099-01-01T00:00:00Z\"", "exp | true", "nbf | null", "iat | [1000000000]", "exp | {}"})
    void refusesATimeClaimThatIsNotAJsonNumber(String claim, String value) {
        String token = handSigned(LONG_SECRET, payloadWith(claim, value));

        assertRefused(verifier.verify(token), token, "time claim not a number");
    }

    @Test
    void acceptsTimeClaimsThatAreJsonNumbersWithAFraction() {
        String fractionalExpiry = NOW.plusSeconds(600).getEpochSecond() + ".5";

        assertVerifiedAs(verifier.verify(handSigned(LONG_SECRET, payloadWith("exp", fractionalExpiry))), "alice");
        assertVerifiedAs(verifier.verify(handSigned(LONG_SECRET, payloadWith("nbf", "1000000000"))), "alice");
    }

    @ParameterizedTest(name = "a signature {0} is refused")
    @MethodSource("respelledSignatures")
    void refusesEverySpellingOfTheSignatureButTheCanonicalBase64Url(String what, String respelled) {
        assertRefused(verifier.verify(respelled), respelled, "malformed token");
    }

    /** Each decodes to the same signature bytes as a valid token: only one spelling may be accepted. */
    static Stream<Arguments> respelledSignatures() {
        String valid = withDashOrUnderscoreInSignature();
        int dot = valid.lastIndexOf('.');
        String signingInput = valid.substring(0, dot + 1);
        String signature = valid.substring(dot + 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = signature.charAt(signature.length() - 1);
        // 32 bytes are 43 characters: the last one carries 4 bits and 2 unused ones, which a decoder ignores.
        char lastWithUnusedBitSet = alphabet.charAt(alphabet.indexOf(last) | 1);
        return Stream.of(
                arguments("whose last character has an unused bit set",
                        signingInput + signature.substring(0, signature.length() - 1) + lastWithUnusedBitSet),
                arguments("with = padding", signingInput + signature + "="),
                arguments("in standard base64 (+ and / for - and _)",
                        signingInput + signature.replace('-', '+').replace('_', '/')),
                arguments("with a line break inside", signingInput + signature.substring(0, 20) + "\r\n" + signature.substring(20)));
    }

    /** A valid token whose signature has a character that standard base64 spells otherwise (about 3 in 4 do). */
    private static String withDashOrUnderscoreInSignature() {
        for (int jti = 0; ; jti++) {
            String token = signed(validClaims().id(Integer.toString(jti)));
            String signature = token.substring(token.lastIndexOf('.') + 1);
            if (signature.indexOf('-') >= 0 || signature.indexOf('_') >= 0) {
                return token;
            }
        }
    }

    @Test
    void acceptsTheCanonicalSpellingOfTheSameToken() {
        assertVerifiedAs(verifier.verify(withDashOrUnderscoreInSignature()), "alice");
    }

    @ParameterizedTest(name = "garbage \"{0}\" is refused as a malformed token")
    @ValueSource(strings = {"garbage", "a.b.c", "..", "a.b", "a.b.c.d.e", "not base64!.e30.c2ln", "W10.e30.c2ln",
            "e30.e30.c2ln", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", "Bearer xyz", "ʕ•ᴥ•ʔ.ʕ•ᴥ•ʔ.ʕ•ᴥ•ʔ"})
    void refusesGarbage(String garbage) {
        assertRefused(verifier.verify(garbage), garbage, "malformed token");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesAMissingToken(String nothing) {
        assertRefused(verifier.verify(nothing), nothing, "missing token");
    }

    @Test
    void refusesAnOversizeTokenBeforeDecodingAnything() {
        String notEvenBase64 = "!".repeat(UnverifiedToken.MAX_LENGTH + 1);

        assertRefused(verifier.verify(notEvenBase64), notEvenBase64, "token too long");
    }

    @Test
    void refusesASecretShorterThan256BitsAtBuildTimeSayingItMustBeRandomWithoutEchoingIt() {
        String shortSecret = "only-31-bytes-long-secret-here!";

        assertThatThrownBy(() -> JwtTokenVerifier.hs256(shortSecret).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bits")
                .hasMessageContaining("random")
                .hasMessageContaining("openssl rand -base64 48")
                .hasMessageNotContaining(shortSecret);
    }

    @Test
    void refusesJwksOnlyOptionsInHs256Mode() {
        assertThatThrownBy(() -> JwtTokenVerifier.hs256(SECRET).minRefetchInterval(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JwtTokenVerifier.hs256(SECRET).httpTimeout(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JwtTokenVerifier.hs256(SECRET).allowHttp(true))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesANegativeClockSkew() {
        assertThatThrownBy(() -> JwtTokenVerifier.hs256(SECRET).clockSkew(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyRefusalReasonIsAShortFixedPhrase() {
        assertThat(RefusalReason.values())
                .extracting(RefusalReason::text)
                .allSatisfy(text -> assertThat(text).matches("[a-z ]{3,40}"))
                .doesNotHaveDuplicates();
    }
}
