package io.roomchat.testkit.protocol;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A WebSocket client on a bare TCP socket, for what no client library will do: stop reading while staying
 * connected, never answer a ping, send half a frame or a frame that breaks RFC 6455, or cut the connection without
 * a close handshake. It upgrades honestly with {@code ?token=}, then writes whatever it is given and reads frames
 * only when asked.
 */
public final class RawWebSocket implements AutoCloseable {
    public static final int TEXT = 0x1;
    public static final int BINARY = 0x2;
    public static final int CLOSE = 0x8;
    public static final int PING = 0x9;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Upgrades with {@code ?token=}; fails unless the server switches protocols. */
    public static RawWebSocket connect(URI endpoint, String token) throws IOException {
        return connect(endpoint, token, 0);
    }

    /**
     * As {@link #connect(URI, String)}, with a receive buffer of this size (0: the system's), small to make a reader
     * that stops reading fill up soon.
     */
    public static RawWebSocket connect(URI endpoint, String token, int receiveBufferBytes) throws IOException {
        Socket socket = new Socket();
        if (receiveBufferBytes > 0) {
            socket.setReceiveBufferSize(receiveBufferBytes);
        }
        RawWebSocket client = requestUpgrade(socket, endpoint, token);
        String response = client.readHttpHead();
        if (!response.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("upgrade refused: " + response.lines().findFirst().orElse(""));
        }
        return client;
    }

    /**
     * Sends a valid upgrade request with {@code ?token=}, then closes the TCP connection without reading the answer:
     * a client that gives up (or dies) while the server is still deciding the upgrade. With {@code reset} the
     * connection ends with a TCP reset rather than a FIN.
     */
    public static void abandonUpgrade(URI endpoint, String token, boolean reset) throws IOException {
        try (Socket socket = new Socket()) {
            RawWebSocket client = requestUpgrade(socket, endpoint, token);
            if (reset) {
                client.abort();
            }
        }
    }

    /**
     * Upgrades with {@code ?token=} and these extra header lines (each {@code "Name: value"}, sent as given, so a
     * header may come on several lines), and returns the server's answer head as it came — status line and headers
     * — for a test that checks what the 101 says; the socket is then closed.
     */
    public static String upgradeAnswer(URI endpoint, String token, List<String> headerLines) throws IOException {
        try (Socket socket = new Socket()) {
            return requestUpgrade(socket, endpoint, token, headerLines).readHttpHead();
        }
    }

    /** The values of every {@code name} header line in an answer head, whatever the name's case. */
    public static List<String> headerValues(String head, String name) {
        String prefix = name.toLowerCase(java.util.Locale.ROOT) + ":";
        return head.lines().filter(line -> line.toLowerCase(java.util.Locale.ROOT).startsWith(prefix))
                .map(line -> line.substring(prefix.length()).trim()).toList();
    }

    private static RawWebSocket requestUpgrade(Socket socket, URI endpoint, String token) throws IOException {
        return requestUpgrade(socket, endpoint, token, List.of());
    }

    private static RawWebSocket requestUpgrade(Socket socket, URI endpoint, String token, List<String> headerLines)
            throws IOException {
        socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 10_000);
        socket.setSoTimeout(10_000);
        RawWebSocket client = new RawWebSocket(socket);
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        client.write(("GET /?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + " HTTP/1.1\r\n"
                + "Host: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + headerLines.stream().map(line -> line + "\r\n").collect(Collectors.joining())
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return client;
    }

    /**
     * A client frame with this first byte (FIN, RSV bits and opcode) and payload; masked, as RFC 6455 requires of
     * clients, or not, to break that rule; its header claiming {@code declaredLength} bytes (normally the payload's
     * length).
     */
    public static byte[] frame(int firstByte, byte[] payload, boolean masked, long declaredLength) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (declaredLength < 126) {
            frame.write(maskBit | (int) declaredLength);
        } else if (declaredLength <= 0xFFFF) {
            frame.write(maskBit | 126);
            frame.write((int) (declaredLength >>> 8));
            frame.write((int) (declaredLength & 0xFF));
        } else {
            frame.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (declaredLength >>> shift) & 0xFF);
            }
        }
        byte[] mask = new byte[4];
        if (masked) {
            RANDOM.nextBytes(mask);
            frame.write(mask, 0, mask.length);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    /** A complete, masked, final frame: what a well-behaved client sends. */
    public static byte[] frame(int opcode, byte[] payload) {
        return frame(0x80 | opcode, payload, true, payload.length);
    }

    /** Writes these bytes as they are. */
    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void sendText(String text) throws IOException {
        write(frame(TEXT, text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One frame from the server: its opcode and payload. */
    public record Frame(int opcode, byte[] payload) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** A close frame's code; 1005 (no code) when it has none. */
        public int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }

    /** The next frame from the server, waiting as long as the socket's read timeout (10 s). */
    public Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        long length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, payload);
    }

    /**
     * Reads frames until the server's close frame and returns its code; empty if the connection ended without one
     * or nothing came within {@code wait}.
     */
    public OptionalInt awaitCloseCode(Duration wait) throws IOException {
        socket.setSoTimeout(Math.toIntExact(wait.toMillis()));
        try {
            while (true) {
                Frame frame = readFrame();
                if (frame.opcode() == CLOSE) {
                    return OptionalInt.of(frame.closeCode());
                }
            }
        } catch (IOException endedOrSilent) {
            return OptionalInt.empty();
        }
    }

    /** Reads and discards until the server closes the TCP connection; false if it is still open after the wait. */
    public boolean drainsToEndOfStream(long timeoutMillis) throws IOException {
        socket.setSoTimeout((int) timeoutMillis);
        InputStream stream = socket.getInputStream();
        byte[] sink = new byte[64 * 1024];
        long deadline = System.currentTimeMillis() + timeoutMillis;
        try {
            while (System.currentTimeMillis() < deadline) {
                if (stream.read(sink) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Cuts the connection with a TCP reset: no close frame, no FIN, as a killed client's socket may end. */
    public void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    /** Closes the TCP connection (FIN) without a WebSocket close handshake. */
    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readHttpHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] end = {'\r', '\n', '\r', '\n'};
        int matched = 0;
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed during the upgrade");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
