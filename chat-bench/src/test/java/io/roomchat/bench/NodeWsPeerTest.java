package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.roomchat.auth.jwt.JwtTokenIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Node ws peer's own answers, over a real socket: it checks the token at the upgrade as our server does, so the
 * baseline pays for the same verification, and it answers frames outside the load tool's path with a status.
 */
class NodeWsPeerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static NodeWsPeer peer;

    @BeforeAll
    static void startPeer() {
        peer = new NodeWsPeer();
    }

    @AfterAll
    static void stopPeer() {
        peer.close();
    }

    private static URI withToken(String token) {
        return peer.uri().resolve("/?token=" + token);
    }

    private static WebSocket open(String token, BlockingQueue<String> frames) throws Exception {
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                frames.add(data.toString());
                socket.request(1);
                return null;
            }
        };
        return HTTP.newWebSocketBuilder().buildAsync(withToken(token), listener).get(10, TimeUnit.SECONDS);
    }

    private static String next(BlockingQueue<String> frames) throws InterruptedException {
        String frame = frames.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 10 s").isNotNull();
        return frame;
    }

    /** The HTTP status the upgrade with {@code token} was refused with. */
    private static int refusalStatus(String token) {
        Throwable refusal = catchThrowable(() -> open(token, new ArrayBlockingQueue<>(4)));
        assertThat(refusal).as("the upgrade is refused").isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class);
        return ((WebSocketHandshakeException) refusal.getCause()).getResponse().statusCode();
    }

    @Test
    void a_token_signed_with_another_secret_is_refused_with_401() {
        String forged = JwtTokenIssuer.hs256("another-secret-that-is-also-32-bytes-long")
                .issue("u1", "U", Duration.ofHours(1));

        assertThat(refusalStatus(forged)).isEqualTo(401);
    }

    @Test
    void an_expired_token_is_refused_with_401() {
        Clock threeHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(3)), ZoneOffset.UTC);
        String expired = JwtTokenIssuer.hs256(LoopbackNodes.SECRET).clock(threeHoursAgo)
                .issue("u1", "U", Duration.ofHours(1));

        assertThat(refusalStatus(expired)).isEqualTo(401);
    }

    @Test
    void a_post_before_joining_is_refused_and_a_joined_post_reaches_the_sender_before_its_reply() throws Exception {
        BlockingQueue<String> frames = new ArrayBlockingQueue<>(16);
        WebSocket socket = open(JwtTokenIssuer.hs256(LoopbackNodes.SECRET).issue("u1", "U", Duration.ofHours(1)),
                frames);

        socket.sendText("{\"action\":\"onMessage\",\"room\":\"r\",\"message\":\"hi\"}", true).join();
        assertThat(next(frames)).isEqualTo("{\"statusCode\":403,\"body\":\"room: join the room first\"}");
        socket.sendText("not json", true).join();
        assertThat(next(frames)).startsWith("{\"statusCode\":400,");
        socket.sendText(BenchText.joinFrame("r", "Alice"), true).join();
        assertThat(next(frames)).isEqualTo("{\"statusCode\":200,\"body\":\"\"}");
        socket.sendText(BenchText.postFrame("r", "hello"), true).join();

        assertThat(next(frames)).startsWith("{\"messageId\":").contains("\"room\":\"r\",\"userId\":\"u1\","
                + "\"name\":\"Alice\",\"message\":\"hello\",").endsWith(",\"seq\":1}");
        assertThat(next(frames)).startsWith("{\"statusCode\":200,\"body\":\"\",\"messageId\":").endsWith(",\"seq\":1}");
        socket.abort();
    }
}
