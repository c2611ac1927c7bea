package io.roomchat.adapter.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.HandleCommandUseCase;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.DeliveryStatus;
import io.roomchat.wire.DecodedFrame;
import io.roomchat.wire.WireCodec;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every client frame ({@code onJoin}, {@code onMessage}, {@code onHistory}, {@code $default}): decode, let the core
 * decide, and send exactly one reply to the caller through the Management API. Bad JSON or an unknown action is a
 * 400 reply, never silence. Logs carry the route, the connection and the status: never the frame.
 */
final class FrameRoute {
    private static final System.Logger LOG = System.getLogger(FrameRoute.class.getName());
    static final String BINARY_REFUSED = "binary frames are not supported";

    private final HandleCommandUseCase commands;
    private final WireCodec codec;
    private final ApiGatewayConnectionGateway gateway;
    private final CallbackEndpoint endpoint;
    private final int maxFrameBytes;

    FrameRoute(HandleCommandUseCase commands, WireCodec codec, ApiGatewayConnectionGateway gateway,
               CallbackEndpoint endpoint, int maxFrameBytes) {
        this.commands = commands;
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
        Reply reply;
        Optional<String> requestId;
        if (event.isIsBase64Encoded()) {
            reply = Reply.rejected(Status.BAD_REQUEST, BINARY_REFUSED);
            requestId = Optional.empty();
        } else {
            DecodedFrame frame = codec.decode(body);
            requestId = frame.requestId();
            reply = frame instanceof DecodedFrame.Command command
                    ? commands.handle(caller, command.command())
                    : ((DecodedFrame.Invalid) frame).reply();
        }
        DeliveryStatus sent = gateway.send(caller, codec.encodeReply(reply, requestId));
        LOG.log(Level.DEBUG, "{0} from {1}: {2}, reply {3}", WebSocketResponses.routeKey(event), caller,
                reply.status().code(), sent);
        return WebSocketResponses.status(200);
    }
}
