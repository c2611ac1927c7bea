package io.roomchat.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.adapter.jetty.ChatServer;
import io.roomchat.core.application.ChatCore;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.core.port.out.TokenVerifier;
import io.roomchat.testkit.DocSnippet;
import io.roomchat.wire.WireCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The network example of docs/embedding.md, run as written from a package outside the server's, so that it can use
 * only the public door ({@code ChatServer.builder()}); a second test keeps the page and this file in step.
 */
class NetworkEmbeddingExampleTest {
    private static final Path THIS_SOURCE =
            Path.of("src/test/java/io/roomchat/embedding/NetworkEmbeddingExampleTest.java");
    private static final Path EMBEDDING_DOC = Path.of("../docs/embedding.md");

    @Test
    void a_host_program_serves_the_protocol_with_its_own_verifier_and_a_client_joins_and_posts() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // snippet:start
            Map<String, UserId> apiKeys = Map.of("key-of-alice", new UserId("alice"));   // your own users
            TokenVerifier verifier = token -> Optional.ofNullable(apiKeys.get(token))
                    .<TokenVerification>map(user -> new TokenVerification.Verified(new Identity(user)))
                    .orElseGet(() -> new TokenVerification.Refused("unknown key"));
            WireCodec codec = WireCodec.create();
            try (ChatServer server = ChatServer.builder()
                    .port(0)                                          // a free port; host 127.0.0.1
                    .codec(codec)
                    .core(sockets -> ChatCore.builder()
                            .connectionStore(InMemoryChat.connectionStore())
                            .messageStore(InMemoryChat.messageStore())
                            .readPositions(InMemoryChat.readPositions())
                            .tokenVerifier(verifier)
                            .gateway(sockets.gateway())               // the server delivers to its sockets
                            .metrics(sockets.metrics())               // and counts for its /metrics
                            .eventEncoder(codec)
                            .build())
                    .build()) {
                server.start();

                // A client: any WebSocket library; here the JDK's.
                BlockingQueue<String> frames = new LinkedBlockingQueue<>();
                WebSocket alice = HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(URI.create(server.webSocketUri() + "?token=key-of-alice"), new WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence part, boolean last) {
                                text.append(part);
                                if (last) {
                                    frames.add(text.toString());
                                    text.setLength(0);
                                }
                                socket.request(1);
                                return null;
                            }
                        }).join();
                alice.sendText("{\"action\":\"onJoin\",\"room\":\"general\",\"name\":\"Alice\"}", true).join();
                System.out.println(frames.poll(10, TimeUnit.SECONDS));   // the join's reply, statusCode 200
                alice.sendText("{\"action\":\"onMessage\",\"room\":\"general\",\"message\":\"hello\"}", true).join();
                System.out.println(frames.poll(10, TimeUnit.SECONDS));   // the message event, to every member
                System.out.println(frames.poll(10, TimeUnit.SECONDS));   // the post's reply, with its messageId
                alice.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
            }
            // snippet:end
        } finally {
            System.setOut(original);
        }

        List<String> printed = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("{")).toList();   // the frames, not the server's log lines
        assertThat(printed).hasSize(3);
        assertThat(printed.get(0)).contains("\"statusCode\":200");
        assertThat(printed.get(1)).contains("\"message\":\"hello\"").contains("\"userId\":\"alice\"");
        assertThat(printed.get(2)).contains("\"statusCode\":200").contains("\"messageId\"");
    }

    @Test
    void the_embedding_page_shows_exactly_this_example() throws IOException {
        assertThat(Files.readString(EMBEDDING_DOC)).contains(DocSnippet.fencedBlockOf(THIS_SOURCE));
    }
}
