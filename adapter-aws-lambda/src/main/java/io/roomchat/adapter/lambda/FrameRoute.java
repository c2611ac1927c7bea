package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.FrameRate;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.HandleCommandUseCase;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.ChatStorageException;
import io.roomchat.core.port.out.DeliveryStatus;
import io.roomchat.core.port.out.FrameBudgets;
import io.roomchat.wire.DecodedFrame;
import io.roomchat.wire.WireCodec;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Every client frame ({@code onJoin}, {@code onMessage}, {@code onHistory}, {@code $default}): decode, let the core
 * decide, and send exactly one reply to the caller through the Management API. Bad JSON or an unknown action is a
 * 400 reply, never silence; a frame over the connection's frame rate is a 429 that changes nothing. Logs carry the
 * route, the connection and the status: never the frame.
 */
final class FrameRoute {
    private static final System.Logger LOG = System.getLogger(FrameRoute.class.getName());
    static final String BINARY_REFUSED = "binary frames are not supported";

    private final HandleCommandUseCase commands;
    private final WireCodec codec;
    private final ApiGatewayConnectionGateway gateway;
    private final CallbackEndpoint endpoint;
    private final int maxFrameBytes;
    private final FrameBudgets budgets;
    private final FrameRate rate;
    private final Clock clock;

    FrameRoute(HandleCommandUseCase commands, WireCodec codec, ApiGatewayConnectionGateway gateway,
               CallbackEndpoint endpoint, int maxFrameBytes, FrameBudgets budgets, FrameRate rate, Clock clock) {
        this.commands = commands;
        this.codec = codec;
        this.gateway = gateway;
        this.endpoint = endpoint;
        this.maxFrameBytes = maxFrameBytes;
        this.budgets = budgets;
        this.rate = rate;
        this.clock = clock;
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
        DecodedFrame frame = event.isIsBase64Encoded() ? null : codec.decode(body);
        Optional<String> requestId = frame == null ? Optional.empty() : frame.requestId();
        Reply reply;
        if (!frameAllowed(caller)) {
            reply = Reply.rateLimited();
        } else if (frame == null) {
            reply = Reply.rejected(Status.BAD_REQUEST, BINARY_REFUSED);
        } else if (frame instanceof DecodedFrame.Command command) {
            reply = commands.handle(caller, command.command());
        } else {
            reply = ((DecodedFrame.Invalid) frame).reply();
        }
        DeliveryStatus sent = gateway.send(caller, codec.encodeReply(reply, requestId));
        LOG.log(Level.DEBUG, "{0} from {1}: {2}, reply {3}", WebSocketResponses.routeKey(event), caller,
                reply.status().code(), sent);
        return WebSocketResponses.status(200);
    }

    /** Takes the frame from the caller's budget; a store that fails lets the frame through to the core, which
     *  then answers from the same store (a 500 when it is down), rather than refusing every frame as too many. */
    private boolean frameAllowed(ConnectionId caller) {
        try {
            return budgets.tryTake(caller, rate, clock.instant());
        } catch (ChatStorageException unavailable) {
            LOG.log(Level.WARNING, "frame budget of {0} unavailable: {1}", caller, unavailable.getMessage());
            return true;
        }
    }
}
