package io.roomchat.auth.jwt;

import io.jsonwebtoken.io.Serializer;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.RoomPattern;
import io.roomchat.core.domain.UserId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Dev mode's {@code POST /dev/token}: {@code {"userId","name","moderates"}} in, {@code {"token"}} out, so the bundled
 * page can sign in without an identity provider. The optional {@code moderates} (at most {@value #MAX_MODERATES}
 * room patterns) goes into the token's moderator claim, so a developer can try deleting and kicking. What it answers does not depend on the HTTP server: the Jetty server and
 * the serverless stand-in each hand it a {@link Request} and write its {@link Answer}.
 *
 * <p>A token for anyone who asks is safe only for the machine's own user, so besides listening on loopback it
 * refuses (403) a request whose {@code Host} is not a loopback name (a DNS-rebinding page sends its own name) or
 * whose {@code Origin} is present and not the server's own, requires {@code Content-Type: application/json}
 * (415; a cross-site form cannot send it without a CORS preflight, which is never answered), and reads at most
 * {@value #MAX_BODY_BYTES} bytes of the body, however it is framed (413).
 */
public final class DevTokenEndpoint {
    public static final int MAX_BODY_BYTES = 4096;
    public static final int MAX_MODERATES = 10;
    private static final Serializer<Map<String, ?>> JSON_WRITER = serializer();

    private final JwtTokenIssuer issuer;
    private final Duration ttl;
    private final String moderatorClaim;
    private final JsonObjects json = JsonObjects.load();

    DevTokenEndpoint(JwtTokenIssuer issuer, Duration ttl, String moderatorClaim) {
        this.issuer = issuer;
        this.ttl = ttl;
        this.moderatorClaim = moderatorClaim;
    }

    /** What the HTTP server saw; {@code host}, {@code origin} and {@code contentType} are null when absent. */
    public record Request(String method, String host, String origin, String contentType, InputStream body) {
    }

    /** The status and JSON body to send. */
    public record Answer(int status, String json) {
    }

    public Answer answer(Request request) throws IOException {
        if (!"POST".equals(request.method())) {
            return error(405, "use POST");
        }
        if (!isLoopbackName(request.host()) || foreign(request.origin(), request.host())) {
            return error(403, "dev tokens are for pages served from this machine's loopback address");
        }
        if (!isJson(request.contentType())) {
            return error(415, "Content-Type must be application/json");
        }
        byte[] body = request.body().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return error(413, "body too large");
        }
        Map<?, ?> fields;
        try {
            fields = json.parseObject(body);
        } catch (RuntimeException notJson) {
            return error(400, "body: not a JSON object");
        }
        try {
            UserId userId = new UserId(text(fields, "userId"));
            DisplayName name = new DisplayName(fields.get("name") == null ? userId.value() : text(fields, "name"));
            Map<String, ?> claims = fields.get("moderates") == null
                    ? Map.of()
                    : Map.of(moderatorClaim, moderates(fields.get("moderates")));
            return new Answer(200, write(Map.of("token", issuer.issue(userId.value(), name.value(), ttl, claims))));
        } catch (IllegalArgumentException invalid) {
            return error(400, invalid.getMessage());
        }
    }

    /** {@code localhost}, {@code 127.x.y.z} or {@code [::1]}, with or without a port; no name is looked up. */
    static boolean isLoopbackName(String host) {
        if (host == null) {
            return false;
        }
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            return name.equals("[::1]") || name.startsWith("[::1]:");
        }
        int colon = name.indexOf(':');
        String bare = colon < 0 ? name : name.substring(0, colon);
        return bare.equals("localhost") || bare.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** An origin other than the page this server serves at {@code host}. */
    private static boolean foreign(String origin, String host) {
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            String authority = uri.getRawAuthority();
            return !"http".equalsIgnoreCase(uri.getScheme()) || authority == null
                    || !authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException unparsable) {
            return true;
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].trim().equalsIgnoreCase("application/json");
    }

    private static String text(Map<?, ?> fields, String field) {
        if (!(fields.get(field) instanceof String value)) {
            throw new IllegalArgumentException(field + ": must be a string");
        }
        return value;
    }

    /** The patterns as the token's claim will list them, each valid as {@link RoomPattern} is. */
    private static List<String> moderates(Object field) {
        if (!(field instanceof List<?> values) || values.size() > MAX_MODERATES) {
            throw new IllegalArgumentException("moderates: must be an array of at most " + MAX_MODERATES
                    + " room patterns");
        }
        List<String> patterns = new ArrayList<>(values.size());
        for (Object value : values) {
            if (!(value instanceof String text)) {
                throw new IllegalArgumentException("moderates: each pattern must be a string");
            }
            try {
                patterns.add(new RoomPattern(text).value());
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("moderates: " + invalid.getMessage());
            }
        }
        return patterns;
    }

    private static Answer error(int status, String reason) {
        return new Answer(status, write(Map.of("error", reason)));
    }

    private static String write(Map<String, ?> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JSON_WRITER.serialize(body, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Serializer<Map<String, ?>> serializer() {
        ServiceLoader<Serializer> loader = ServiceLoader.load(Serializer.class, DevTokenEndpoint.class.getClassLoader());
        return loader.findFirst().orElseThrow(() ->
                new IllegalStateException("No io.jsonwebtoken.io.Serializer on the class path: add jjwt-jackson"));
    }
}
