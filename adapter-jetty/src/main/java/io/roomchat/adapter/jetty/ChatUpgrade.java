package io.roomchat.adapter.jetty;

import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.SubprotocolOffer;
import io.roomchat.core.port.in.ConnectOutcome;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides each upgrade: the origin must be allowed (else 403), the token must verify (else 401, and the core
 * stores nothing) and its user must have a connection slot left (else 429, and the record just made is removed).
 * An accepted socket gets a random UUID as its connection id; its record is removed again, and its slot freed, if
 * the upgrade does not complete. A client that offers the subprotocol {@value SubprotocolOffer#V2} gets it named in
 * the 101 and speaks v2; any other offer, or none, is v1 with no subprotocol in the answer.
 */
final class ChatUpgrade implements WebSocketNegotiator {
    private static final Logger LOG = LoggerFactory.getLogger(ChatUpgrade.class);

    private final EndpointWiring services;
    private final OriginPolicy origins;
    private final UserConnectionLimit userLimit;
    private final AddressConnectionLimit addressLimit;

    ChatUpgrade(EndpointWiring services, OriginPolicy origins, UserConnectionLimit userLimit,
            AddressConnectionLimit addressLimit) {
        this.services = services;
        this.origins = origins;
        this.userLimit = userLimit;
        this.addressLimit = addressLimit;
    }

    @Override
    public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (!origins.allows(origin, request.getHeaders().get(HttpHeader.HOST))) {
            LOG.info("refused upgrade from {}: origin not allowed", Request.getRemoteAddr(request));
            services.metrics().upgradeRefused("origin");
            refuse(response, callback, HttpStatus.FORBIDDEN_403, "origin not allowed");
            return null;
        }
        ConnectionId id = new ConnectionId(UUID.randomUUID().toString());
        SubprotocolOffer offer = SubprotocolOffer.ofHeaders(request.getSubProtocols());
        ConnectOutcome outcome = services.core().connect(id, AccessToken.of(request).orElse(null), offer.protocol());
        if (outcome instanceof ConnectOutcome.Refused refused) {
            // The reason comes from the verifier and never contains the token.
            LOG.info("refused upgrade from {}: {}", Request.getRemoteAddr(request), refused.reason());
            services.metrics().upgradeRefused("token");
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            refuse(response, callback, HttpStatus.UNAUTHORIZED_401, "a valid token is required");
            return null;
        }
        Connection http = request.getConnectionMetaData().getConnection();
        EndPoint tcp = http.getEndPoint();
        if (!userLimit.tryHold(((ConnectOutcome.Accepted) outcome).connection().userId(), tcp)) {
            services.core().disconnect(id);
            LOG.info("refused upgrade from {}: too many connections for its user", Request.getRemoteAddr(request));
            services.metrics().upgradeRefused("user-limit");
            refuse(response, callback, HttpStatus.TOO_MANY_REQUESTS_429, "too many connections for this user");
            return null;
        }
        offer.accepted().ifPresent(response::setAcceptedSubProtocol);
        ChatEndpoint endpoint = new ChatEndpoint(((ConnectOutcome.Accepted) outcome).connection(), services);
        addressLimit.countOut(http);
        // The record exists from here, but the socket opens only once the 101 is written: a client that is gone
        // by then (or a handshake Jetty refuses after this point) never opens it, so nothing else would remove it.
        // Its HTTP connection, no longer counted against its address, is closed rather than left to serve more.
        Request.addCompletionListener(request, failure -> {
            if (failure != null || response.getStatus() != HttpStatus.SWITCHING_PROTOCOLS_101) {
                endpoint.neverOpened();
                userLimit.release(tcp);
                tcp.close();
            }
        });
        return endpoint;
    }

    /** A fixed body: Jetty's own error page would repeat the request's URI, and with it a {@code ?token=}. */
    private static void refuse(Response response, Callback callback, int status, String body) {
        JsonResponses.write(response, callback, status, "text/plain", body);
    }
}
