package io.roomchat.testkit.protocol;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 on a bare TCP socket, for requests an HTTP client will not send: any {@code Host} header, and a chunked
 * body far larger than a server should read, streamed until the server answers.
 */
public final class RawHttp {
    private static final Duration ANSWER_DEADLINE = Duration.ofSeconds(60);
    private static final int CHUNK_BYTES = 64 * 1024;

    private RawHttp() {
    }

    /** What came back: the status, and for a streamed body how many of its bytes were written before it. */
    public record Answer(int status, long bytesSent) {
    }

    /** Sends {@code body} with a {@code Content-Length}; {@code headers} must include {@code Host}. */
    public static Answer send(URI server, String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(head(method, path, headers, "Content-Length: " + body.length).getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return new Answer(status(socket), body.length);
        }
    }

    /**
     * Streams a chunked {@code POST} body of up to {@code totalBytes} of {@code 'x'} from another thread, and
     * returns as soon as the server answers (or once everything was sent and it answered then).
     */
    public static Answer sendChunked(URI server, String path, Map<String, String> headers, long totalBytes)
            throws IOException, InterruptedException {
        AtomicLong sent = new AtomicLong();
        try (Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(head("POST", path, headers, "Transfer-Encoding: chunked").getBytes(StandardCharsets.UTF_8));
            Thread writer = new Thread(() -> stream(out, totalBytes, sent), "raw-http-chunks");
            writer.setDaemon(true);
            writer.start();
            int status = status(socket);
            long sentBeforeAnswer = sent.get();
            writer.interrupt();
            return new Answer(status, sentBeforeAnswer);
        }
    }

    private static void stream(OutputStream out, long totalBytes, AtomicLong sent) {
        byte[] chunk = ("x".repeat(CHUNK_BYTES)).getBytes(StandardCharsets.US_ASCII);
        byte[] size = (Integer.toHexString(CHUNK_BYTES) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            while (sent.get() < totalBytes && !Thread.currentThread().isInterrupted()) {
                out.write(size);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                sent.addAndGet(CHUNK_BYTES);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException closedByServer) {
            // the server answered and closed: what a capped read is expected to do
        }
    }

    private static Socket connect(URI server) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5_000);
        socket.setSoTimeout((int) ANSWER_DEADLINE.toMillis());
        return socket;
    }

    private static String head(String method, String path, Map<String, String> headers, String framing) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append(framing).append("\r\nConnection: close\r\n\r\n").toString();
    }

    private static int status(Socket socket) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1));
        String statusLine = in.readLine();
        if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("no HTTP answer: " + statusLine);
        }
        return Integer.parseInt(statusLine.substring(9, 12));
    }
}
