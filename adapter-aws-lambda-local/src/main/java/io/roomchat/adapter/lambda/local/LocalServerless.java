package io.roomchat.adapter.lambda.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import io.roomchat.adapter.lambda.ServerlessChat;
import io.roomchat.adapter.lambda.boot.ConnectHandler;
import io.roomchat.adapter.lambda.boot.FrameHandler;
import io.roomchat.adapter.lambda.boot.DisconnectHandler;
import io.roomchat.adapter.lambda.boot.FanoutHandler;
import io.roomchat.adapter.lambda.boot.LambdaSettings;
import io.roomchat.adapter.lambda.boot.ServerApiHandler;
import io.roomchat.adapter.lambda.boot.ServerlessWiring;
import io.roomchat.auth.jwt.Authentication;
import io.roomchat.auth.jwt.TokenSettings;
import io.roomchat.wire.ServerApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The serverless flavour on one machine: a stand-in for API Gateway's WebSocket API and Management API, for the
 * server API's HTTP route ({@code /api/…}) and for an SNS topic, on one local port, running the Lambda handlers in-process. The handlers use the real SDK clients,
 * which call this server over HTTP, and DynamoDB at a local endpoint (dynalite). The module's one public door.
 *
 * <pre>{@code
 * try (LocalServerless local = LocalServerless.builder()
 *         .jwtSecret(secret).dynamoDbEndpoint(URI.create("http://127.0.0.1:8000")).start()) {
 *     URI ws = local.webSocketUri();   // ws://127.0.0.1:<port>/?token=<JWT>
 * }
 * }</pre>
 */
public final class LocalServerless implements AutoCloseable {
    static final String STAGE = "local";
    static final String TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:roomchat-local-fanout";

    private final Server server;
    private final LocalConnections connections = new LocalConnections();
    private final ServerlessWiring wiring;
    private final Authentication authentication;
    private final LocalSnsTopic topic;
    private final String host;
    private final int port;

    private LocalServerless(Builder b) throws Exception {
        authentication = Authentication.forServer(TokenSettings.fromEnvironment(b.environment), b.host);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(b.host);
        connector.setPort(b.port);
        server.addConnector(connector);
        // The port is known only once bound, and the handlers' SDK clients need it: bind first, wire, then serve.
        connector.open();
        port = connector.getLocalPort();
        host = b.host;
        URI base = URI.create("http://" + b.host + ":" + port);
        LambdaSettings settings = LambdaSettings.fromEnvironment(b.environment)
                .withLocalEndpoints(b.dynamoDbEndpoint, base);
        Optional<DevTokenRoute> devTokens = authentication.devTokens().map(DevTokenRoute::new);
        wiring = ServerlessWiring.wire(settings, authentication, b.clock);
        wiring.createTablesIfMissing();
        ServerlessChat chat = wiring.chat();
        topic = new LocalSnsTopic(TOPIC_ARN, new FanoutHandler(chat));
        ServerApiHttpRoute serverApi = new ServerApiHttpRoute(new ServerApiHandler(chat),
                settings.limits().maxFrameBytes());

        LocalApiGateway gateway = new LocalApiGateway(routes(chat),
                new WebSocketEvents(b.host + ":" + port, STAGE), connections);
        ConnectionsEndpoint managementApi = new ConnectionsEndpoint(connections, b.delayPerManagementCall);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, context, container -> {
            container.setMaxTextMessageSize(settings.limits().maxFrameBytes()); // API Gateway closes larger frames with 1009
            container.setIdleTimeout(Duration.ofMinutes(10)); // API Gateway's idle timeout
            container.addMapping("/", (request, response, callback) -> {
                String id = newConnectionId();
                Instant now = Instant.now();
                LocalApiGateway.ConnectAnswer answer = gateway.connect(id, now,
                        single(Request.extractQueryParameters(request)), headers(request),
                        Request.getRemoteAddr(request));
                if (!answer.opens()) {
                    Response.writeError(request, response, callback, answer.status());
                    return null;
                }
                answer.subprotocol().ifPresent(response::setAcceptedSubProtocol);
                return new ApiGatewaySocket(id, now, gateway, connections);
            });
        });
        upgrades.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = request.getHttpURI().getPath();
                if (ConnectionsEndpoint.matches(path)) {
                    return managementApi.handle(request, response, callback);
                }
                if (LocalSnsTopic.matches(request)) {
                    return topic.handle(request, response, callback);
                }
                if (ServerApi.serves(path)) {
                    return serverApi.handle(request, response, callback);
                }
                if (devTokens.isPresent() && DevTokenRoute.PATH.equals(path)) {
                    return devTokens.get().handle(request, response, callback);
                }
                return HttpReplies.send(response, callback, 404, "application/json", "{\"message\":\"Not Found\"}");
            }
        });
        context.setHandler(upgrades);
        server.setHandler(context);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Where WebSocket clients connect: add {@code ?token=<JWT>}. */
    public URI webSocketUri() {
        return URI.create("ws://" + host + ":" + port + "/");
    }

    public int port() {
        return port;
    }

    /** How many sockets are open. */
    public int openConnections() {
        return connections.count();
    }

    /**
     * Registers an in-process connection that receives what {@code POST @connections/{id}} sends it, without a
     * socket: for measuring fan-out to more connections than a test would open. Its record must be stored
     * separately.
     */
    public void attachSink(String connectionId, Consumer<String> frames) {
        Instant now = Instant.now();
        connections.opened(connectionId, new LocalSocket() {
            @Override
            public void send(String frame) {
                frames.accept(frame);
            }

            @Override
            public void close() {
                connections.closed(connectionId);
            }

            @Override
            public Instant connectedAt() {
                return now;
            }

            @Override
            public String sourceIp() {
                return "127.0.0.1";
            }
        });
    }

    /**
     * The notification SNS would hand the fan-out function for the last message published to the topic: for
     * benchmarks that time the fan-out step alone, through {@code wiring().chat().onFanout(...)}.
     */
    public Optional<com.amazonaws.services.lambda.runtime.events.SNSEvent> lastNotification() {
        return topic.lastPublished().map(message -> topic.notification(UUID.randomUUID().toString(), message));
    }

    /** How tokens are checked: {@code hs256}, {@code jwks} or {@code dev} (with {@code POST /dev/token}). */
    public String authMode() {
        return authentication.mode();
    }

    /** The wiring the handlers run on, for tests that seed or inspect the stores. */
    public ServerlessWiring wiring() {
        return wiring;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("the stand-in did not stop cleanly", e);
        } finally {
            topic.close();
            wiring.close();
        }
    }

    static Map<String, RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> routes(
            ServerlessChat chat) {
        Map<String, RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> routes =
                new LinkedHashMap<>();
        FrameHandler frames = new FrameHandler(chat);
        routes.put("$connect", new ConnectHandler(chat));
        routes.put("$disconnect", new DisconnectHandler(chat));
        routes.put("onJoin", frames);
        routes.put("onMessage", frames);
        routes.put("onHistory", frames);
        routes.put("onLeave", frames);
        routes.put("onTyping", frames);
        routes.put("onRead", frames);
        routes.put("onPresence", frames);
        routes.put("onKick", frames);
        routes.put("$default", frames);
        return routes;
    }

    /** Like API Gateway's: short, URL-safe, ending in '='. */
    private static String newConnectionId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 15) + "=";
    }

    private static Map<String, String> single(Fields fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field.getName(), field.getValue()));
        return values;
    }

    /** A header sent on several lines is one value, its lines joined with ", ", as API Gateway passes it on. */
    private static Map<String, String> headers(Request request) {
        Map<String, String> values = new LinkedHashMap<>();
        request.getHeaders().forEach(field -> values.merge(field.getName(), field.getValue(),
                (first, next) -> first + ", " + next));
        return values;
    }

    /**
     * Settings as the functions read them ({@link LambdaSettings#fromEnvironment}), each method setting one
     * variable; the endpoints always point at the stand-in itself. Without a secret or a JWKS URL, and on loopback,
     * it runs in dev mode.
     */
    public static final class Builder {
        private final Map<String, String> environment = new HashMap<>(Map.of("CHAT_TOPIC_ARN", TOPIC_ARN));
        private String host = "127.0.0.1";
        private int port;
        private URI dynamoDbEndpoint;
        private Duration delayPerManagementCall = Duration.ZERO;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The handlers' clock (the system's by default): tests move it to let a ban run out. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Variables as a function's environment would hold them, such as {@code System.getenv()}. */
        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder jwtSecret(String secret) {
            environment.put("CHAT_JWT_SECRET", secret);
            return this;
        }

        public Builder jwksUrl(URI url) {
            environment.put("CHAT_JWKS_URL", url.toString());
            return this;
        }

        /** Accept a plain http JWKS URL, such as a test identity provider's on loopback. */
        public Builder jwksAllowHttp(boolean allow) {
            environment.put("CHAT_JWKS_ALLOW_HTTP", String.valueOf(allow));
            return this;
        }

        public Builder dynamoDbEndpoint(URI endpoint) {
            this.dynamoDbEndpoint = Objects.requireNonNull(endpoint);
            return this;
        }

        /** Table names; each run of a test suite can take its own. */
        public Builder tables(String connections, String messages) {
            environment.put("CONNECTIONS_TABLE", connections);
            environment.put("MESSAGES_TABLE", messages);
            return this;
        }

        /** Fan-out through the local SNS topic (default) or directly in the posting function. */
        public Builder snsFanout(boolean viaSns) {
            environment.put("CHAT_FANOUT", viaSns ? "sns" : "direct");
            return this;
        }

        public Builder maxInFlight(int calls) {
            environment.put("CHAT_MAX_IN_FLIGHT", String.valueOf(calls));
            return this;
        }

        /** Frames per second per connection, and the burst above it, as on the functions; 0 turns it off. */
        public Builder frameRate(int perSecond, int burst) {
            environment.put("CHAT_RATE_PER_SECOND", String.valueOf(perSecond));
            environment.put("CHAT_RATE_BURST", String.valueOf(burst));
            return this;
        }

        /** Time added to every Management API call, as the network to the real service would. */
        public Builder delayPerManagementCall(Duration delay) {
            this.delayPerManagementCall = Objects.requireNonNull(delay);
            return this;
        }

        public LocalServerless start() throws Exception {
            Objects.requireNonNull(dynamoDbEndpoint, "dynamoDbEndpoint is required (dynalite, or DynamoDB Local)");
            return new LocalServerless(this);
        }
    }
}
