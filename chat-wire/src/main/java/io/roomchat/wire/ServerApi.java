package io.roomchat.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.PublishOutcome;
import io.roomchat.core.port.in.PublishUseCase;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.PublisherVerification;
import io.roomchat.core.port.out.PublisherVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server API (docs/protocol.md, "Server API"): {@code POST /api/rooms/{room}/messages} with a bearer token
 * that grants {@code chat:publish}. Every binding (the Jetty server, the Lambda handler, the stand-in) hands it a
 * {@link Request} and sends its {@link Answer}, so that what is answered — and in which order the checks run — is
 * decided here once: path (404), method (405), token (401, 403), content type (415), body size (413, read with a
 * hard cap however the body is framed), JSON and fields (400 naming the field), then the core's own rules.
 * Thread-safe.
 */
public final class ServerApi {
    /** Every path under it is the server API's to answer (404 for one it does not know). */
    public static final String ROOT = "/api/";
    private static final Pattern ROOM_MESSAGES = Pattern.compile("/api/rooms/([^/]+)/messages");
    private static final String POST = "POST";
    private static final String BEARER = "bearer ";
    private static final System.Logger LOG = System.getLogger(ServerApi.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublishUseCase publishing;
    private final PublisherVerifier publishers;
    private final int maxBodyBytes;
    private final BoundedJsonParser parser = new BoundedJsonParser();

    /** {@code maxBodyBytes}: the largest body read, the WebSocket's frame limit ({@code Limits.maxFrameBytes}). */
    public ServerApi(PublishUseCase publishing, PublisherVerifier publishers, int maxBodyBytes) {
        this.publishing = Objects.requireNonNull(publishing, "publishing");
        this.publishers = Objects.requireNonNull(publishers, "publishers");
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Whether a request for this raw path is the server API's. */
    public static boolean serves(String rawPath) {
        return rawPath != null && rawPath.startsWith(ROOT);
    }

    /**
     * What the HTTP server saw. {@code rawPath} is still percent-encoded; {@code authorization} and
     * {@code contentType} are null when absent; {@code body} is read up to the cap and no further.
     */
    public record Request(String method, String rawPath, String authorization, String contentType,
                          InputStream body) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(rawPath, "rawPath");
            Objects.requireNonNull(body, "body");
        }
    }

    /** The status, JSON body and extra headers ({@code Allow}, {@code WWW-Authenticate}) to send. */
    public record Answer(int status, String json, Map<String, String> headers) {
        public Answer {
            Objects.requireNonNull(json, "json");
            headers = Map.copyOf(headers);
        }
    }

    /**
     * @throws IOException when reading the body fails (the client went away): there is no one to answer
     */
    public Answer answer(Request request) throws IOException {
        Matcher path = ROOM_MESSAGES.matcher(request.rawPath());
        if (!path.matches()) {
            return error(404, "path: not found; the server API is POST /api/rooms/{room}/messages");
        }
        if (!POST.equals(request.method())) {
            return error(405, "method: use POST", Map.of("Allow", POST));
        }
        Optional<String> token = bearerToken(request.authorization());
        if (token.isEmpty()) {
            return error(401, "Authorization: a Bearer token is required", Map.of("WWW-Authenticate", "Bearer"));
        }
        PublisherVerification verdict = publishers.verifyPublisher(token.get());
        if (verdict instanceof PublisherVerification.Unauthenticated refused) {
            return error(401, "token: " + refused.reason(), Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
        }
        if (verdict instanceof PublisherVerification.NotPermitted notPermitted) {
            return error(403, notPermitted.reason(), Map.of("WWW-Authenticate",
                    "Bearer error=\"insufficient_scope\", scope=\"chat:publish\""));
        }
        if (!isJson(request.contentType())) {
            return error(415, "Content-Type: must be application/json");
        }
        byte[] body = request.body().readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            return error(413, "body: must be at most " + maxBodyBytes + " bytes");
        }
        PostMessageCommand post;
        try {
            post = MessageFrameReader.post(room(path.group(1)), new FrameFields(parser.parseObject(utf8(body))));
        } catch (FrameRejected rejected) {
            // The parser names a frame; here the whole JSON is the request's body.
            return error(400, rejected.body().replaceFirst("^frame:", "body:"));
        }
        try {
            return answer(publishing.publish(((PublisherVerification.Publisher) verdict).userId(), post));
        } catch (RuntimeException failure) {
            // The caller learns only that it failed; the log gets the cause but never the message or the token.
            LOG.log(Level.ERROR, "server API post to a room failed", failure);
            return error(500, Reply.INTERNAL_ERROR_BODY);
        }
    }

    private static Answer answer(PublishOutcome outcome) {
        if (outcome instanceof PublishOutcome.Refused refused) {
            return error(refused.status().code(), refused.reason());
        }
        ReplyPayload.Posted posted = outcome instanceof PublishOutcome.Stored stored
                ? stored.posted()
                : ((PublishOutcome.DuplicateOf) outcome).original();
        ObjectNode json = JSON.createObjectNode()
                .put("messageId", posted.messageId().value())
                .put("postedAt", InstantFormat.format(posted.postedAt()))
                .put("seq", posted.seq());
        // A resend answers exactly as its original did: the client cannot tell, and need not.
        return new Answer(201, json.toString(), Map.of());
    }

    private static RoomName room(String rawSegment) {
        String name = PathSegment.decode(rawSegment)
                .orElseThrow(() -> new FrameRejected("room: not a valid percent-encoded UTF-8 path segment"));
        try {
            return new RoomName(name);
        } catch (IllegalArgumentException invalid) {
            throw new FrameRejected(invalid.getMessage());
        }
    }

    private static String utf8(byte[] body) {
        return StrictUtf8.decode(body).orElseThrow(() -> new FrameRejected("body: not UTF-8"));
    }

    private static Optional<String> bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static boolean isJson(String contentType) {
        return contentType != null
                && contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals("application/json");
    }

    private static Answer error(int status, String reason) {
        return error(status, reason, Map.of());
    }

    private static Answer error(int status, String reason, Map<String, String> headers) {
        return new Answer(status, JSON.createObjectNode().put("error", reason).toString(), headers);
    }
}
