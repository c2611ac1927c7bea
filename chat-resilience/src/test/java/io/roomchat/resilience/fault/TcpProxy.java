package io.roomchat.resilience.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A TCP forwarder on one loopback port, in front of a service: what the server under test takes for that service's
 * endpoint. {@link #stop()} makes the endpoint go away as a stopped process's does for its clients (new connections
 * refused, open ones reset), {@link #start()} brings it back on the same port with the service's state intact.
 *
 * <p>Only the client's side is cut. The service's side of each connection is left to finish what it was answering
 * (into the void) and closed a few seconds later: dynalite dies when a connection closes while it owes a response.
 */
final class TcpProxy implements AutoCloseable {
    private static final long SERVICE_CLOSE_DELAY_MILLIS = 5_000;
    private static final int LOWEST_PORT = 10_000;

    private final InetSocketAddress target;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "proxy-closer");
        thread.setDaemon(true);
        return thread;
    });
    private int port;
    private ServerSocket listener;

    TcpProxy(URI target) {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
    }

    /**
     * Listens (again); the first start picks a free port, later ones reuse it. The port is below the range the
     * system hands out to outgoing connections: there, a client calling the stopped endpoint could be given the
     * very port as its own and connect to itself, and the port would not be free to listen on again.
     */
    synchronized void start() {
        if (listener != null) {
            return;
        }
        if (port == 0) {
            port = listenOnFreePortBelow(firstEphemeralPort());
            return;
        }
        try {
            listen(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port + " again", e);
        }
    }

    private int listenOnFreePortBelow(int limit) {
        Random random = new Random();
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            int candidate = LOWEST_PORT + random.nextInt(limit - LOWEST_PORT);
            try {
                listen(candidate);
                return candidate;
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new IllegalStateException("no free port below " + limit, last);
    }

    private void listen(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        } catch (IOException taken) {
            socket.close();
            throw taken;
        }
        listener = socket;
        daemon("proxy-accept-" + onPort, () -> accept(socket));
    }

    private static int firstEphemeralPort() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(LOWEST_PORT + 1_000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException unknown) {
            return 32_768;
        }
    }

    /** Refuses new connections and resets the open ones. */
    synchronized void stop() {
        if (listener == null) {
            return;
        }
        quietly(listener::close);
        listener = null;
        clients.forEach(TcpProxy::reset);
        clients.clear();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        stop();
        closer.shutdownNow();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException stopped) {
                return;
            }
            Socket service = new Socket();
            try {
                service.connect(target, 5_000);
            } catch (IOException refused) {
                reset(client);
                continue;
            }
            synchronized (this) {
                if (listener != socket) {
                    // stopped while connecting
                    reset(client);
                    closeLater(service);
                    continue;
                }
                clients.add(client);
            }
            daemon("proxy-up", () -> forward(client, service));
            daemon("proxy-down", () -> backward(service, client));
        }
    }

    /** Client to service; once the client is gone the service gets its time to answer, then its socket closes. */
    private void forward(Socket client, Socket service) {
        try {
            copy(client.getInputStream(), service.getOutputStream());
        } catch (IOException clientGone) {
            // reset by stop(), or the client closed
        } finally {
            clients.remove(client);
            quietly(client::close);
            closeLater(service);
        }
    }

    /** Service to client; when the client is gone, what the service still says is read and dropped. */
    private void backward(Socket service, Socket client) {
        try {
            InputStream in = service.getInputStream();
            try {
                copy(in, client.getOutputStream());
            } catch (IOException clientGone) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException serviceClosed) {
            // closed by closeLater, or by the service
        } finally {
            quietly(client::close);
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            out.flush();
        }
    }

    private void closeLater(Socket service) {
        try {
            closer.schedule(() -> quietly(service::close), SERVICE_CLOSE_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            quietly(service::close);
        }
    }

    private static void reset(Socket socket) {
        quietly(() -> {
            socket.setSoLinger(true, 0);
            socket.close();
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private interface SocketAction {
        void run() throws IOException;
    }

    private static void quietly(SocketAction action) {
        try {
            action.run();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
