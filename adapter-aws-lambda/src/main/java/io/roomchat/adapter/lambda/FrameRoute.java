package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.port.in.FrameCaller;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.TokenExpiryUseCase;
import io.roomchat.core.port.out.DeliveryStatus;
import io.roomchat.wire.FramePipeline;
import io.roomchat.wire.WireCodec;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every client frame (every route but {@code $connect} and {@code $disconnect}): the shared
 * {@link FramePipeline} makes its one reply, sent to the caller through the Management API. Logs carry the route,
 * the connection and the delivery: never the frame.
 *
 * <p>No process here outlives the socket, so that it does not outlive its token is checked on each frame, from
 * the connection record: a frame that arrives after the token's {@code exp} is not handled, gets a 401 reply (the
 * only way to say why: {@code DELETE @connections} closes the socket with API Gateway's own close frame, never
 * 4401) and the connection is closed and forgotten.
 */
final class FrameRoute {
    private static final System.Logger LOG = System.getLogger(FrameRoute.class.getName());

    private final FramePipeline pipeline;
    private final TokenExpiryUseCase expiry;
    private final WireCodec codec;
    private final ApiGatewayConnectionGateway gateway;
    private final CallbackEndpoint endpoint;
    private final int maxFrameBytes;

    FrameRoute(FramePipeline pipeline, TokenExpiryUseCase expiry, WireCodec codec,
               ApiGatewayConnectionGateway gateway, CallbackEndpoint endpoint, int maxFrameBytes) {
        this.pipeline = pipeline;
        this.expiry = expiry;
        this.codec = codec;
        this.gateway = gateway;
        this.endpoint = endpoint;
        this.maxFrameBytes = maxFrameBytes;
    }

    APIGatewayV2WebSocketResponse handle(APIGatewayV2WebSocketEvent event) {
        endpoint.learnFrom(event);
        ConnectionId caller = WebSocketResponses.caller(event);
        String body = event.getBody() == null ? "" : event.getBody();
        if (body.length() > maxFrameBytes && body.getBytes(StandardCharsets.UTF_8).length > maxFrameBytes) {
            // API Gateway itself closes on frames over 32 KB; a smaller configured limit closes here.
            LOG.log(Level.INFO, "{0} from {1}: frame over {2} bytes, closing", WebSocketResponses.routeKey(event),
                    caller, maxFrameBytes);
            gateway.close(caller);
            return WebSocketResponses.status(200);
        }
        FrameCaller sender = expiry.check(caller);
        if (sender.tokenExpired()) {
            LOG.log(Level.INFO, "{0} from {1}: token expired, closing", WebSocketResponses.routeKey(event), caller);
            gateway.send(caller, codec.encodeReply(Reply.tokenExpired(), Optional.empty(), sender.protocol()));
            gateway.close(caller);
            return WebSocketResponses.status(200);
        }
        if (event.isIsBase64Encoded()) {
            sendReply(event, caller, pipeline.binary(caller, sender.protocol()));
        } else {
            pipeline.text(caller, sender.protocol(), body, reply -> sendReply(event, caller, reply));
        }
        return WebSocketResponses.status(200);
    }

    private void sendReply(APIGatewayV2WebSocketEvent event, ConnectionId caller, String reply) {
        DeliveryStatus sent = gateway.send(caller, reply);
        LOG.log(Level.DEBUG, "{0} from {1}: reply {2}", WebSocketResponses.routeKey(event), caller, sent);
    }
}
