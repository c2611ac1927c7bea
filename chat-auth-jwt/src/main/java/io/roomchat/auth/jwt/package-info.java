/**
 * JWT access tokens for the chat (docs/protocol.md, Connecting), on jjwt.
 *
 * <p>Two public doors: {@link io.roomchat.auth.jwt.JwtTokenVerifier}, the core's
 * {@code TokenVerifier} in HS256 or JWKS (RS256/ES256) mode, and
 * {@link io.roomchat.auth.jwt.JwtTokenIssuer}, which mints HS256 tokens for dev mode and
 * tests. The verification pipeline: {@code UnverifiedToken} (size, shape, one spelling per token,
 * numeric times, {@code alg}, {@code kid}, {@code iss}, nothing trusted) → the mode's {@code VerificationKeys} →
 * {@code SignedClaimsParser} (jjwt: signature, {@code exp}/{@code nbf}) → {@code ClaimRules}.
 * Every refusal is a fixed {@code RefusalReason}.
 */
package io.roomchat.auth.jwt;
