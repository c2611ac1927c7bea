package io.roomchat.resilience.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes the token a {@code tokens.jsonl} case describes, by hand rather than with a JWT library, which would refuse
 * to make most of them: a header and claims as given ({@code expIn}/{@code nbfIn} add {@code exp}/{@code nbf} that
 * many seconds from now), signed as {@code sign} says, then perhaps tampered with; or a {@code raw} string.
 */
final class TokenForge {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String WRONG_SECRET = "not-the-server-secret-but-just-as-long-as-one";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String secret;
    private final Placeholders placeholders;

    TokenForge(String secret, Placeholders placeholders) {
        this.secret = secret;
        this.placeholders = placeholders;
    }

    String forge(JsonNode spec) {
        if (spec.has("raw")) {
            return placeholders.fill(spec.path("raw").asText());
        }
        ObjectNode claims = spec.path("claims").deepCopy();
        long now = Instant.now().getEpochSecond();
        if (spec.has("expIn")) {
            claims.put("exp", now + spec.path("expIn").asLong());
        }
        if (spec.has("nbfIn")) {
            claims.put("nbf", now + spec.path("nbfIn").asLong());
        }
        String signingInput = encode(spec.path("header")) + "." + encode(claims);
        String signature = sign(spec.path("sign").asText(), signingInput);
        String tamper = spec.path("tamper").asText("");
        if (tamper.equals("signature")) {
            // The first character: the last one's low bits may be padding that decoders ignore.
            signature = (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
        } else if (tamper.equals("payload")) {
            signingInput = encode(spec.path("header")) + "." + encode(claims.deepCopy().put("sub", "trent"));
        }
        return signingInput + "." + signature;
    }

    private String sign(String how, String signingInput) {
        if (how.equals("none")) {
            return "";
        }
        if (how.equals("junk")) {
            byte[] junk = new byte[32];
            RANDOM.nextBytes(junk);
            return BASE64URL.encodeToString(junk);
        }
        String[] algorithmAndKey = how.split(":");
        String key = algorithmAndKey[1].equals("secret") ? secret : WRONG_SECRET;
        String mac = "Hmac" + algorithmAndKey[0].replace("HS", "SHA");
        try {
            Mac hmac = Mac.getInstance(mac);
            hmac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), mac));
            return BASE64URL.encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with " + how, e);
        }
    }

    private static String encode(JsonNode json) {
        try {
            return BASE64URL.encodeToString(Corpus.JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
