package io.roomchat.adapter.jetty;

import java.net.URI;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/** A bare Jetty server on a free loopback port, for testing one handler or connection listener of ours. */
final class BareJetty implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    /** {@code setUp} may add listeners to the connector and beans to the server before it starts. */
    BareJetty(Handler handler, Consumer<ServerConnector> setUp) throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        setUp.accept(connector);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
    }

    /** A handler that notes each request and answers it with {@code status} and no body. */
    static Handler answering(int status, Consumer<Request> seen) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                seen.accept(request);
                response.setStatus(status);
                callback.succeeded();
                return true;
            }
        };
    }

    URI uri(String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
