package io.roomchat.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.core.port.out.TokenVerifier;
import io.roomchat.testkit.DocSnippet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/embedding.md, run as written; a second test keeps the page and this file in step. */
class EmbeddingExampleTest {
    private static final Path THIS_SOURCE =
            Path.of("src/test/java/io/roomchat/adapter/inmemory/EmbeddingExampleTest.java");
    private static final Path EMBEDDING_DOC = Path.of("../docs/embedding.md");

    @Test
    void the_documented_example_prints_the_message_and_an_ok_status() {
        List<String> printed = PrintedLines.of(() -> {
            // snippet:start
            TokenVerifier trustingVerifier = token -> new TokenVerification.Verified(new Identity(new UserId(token)));
            try (EmbeddedChat chat = InMemoryChat.embedded(trustingVerifier)) {
                EmbeddedConnection alice = chat.connect("alice",
                        event -> System.out.println(event.authorName() + ": " + event.text())).orElseThrow();
                RoomName general = new RoomName("general");
                alice.send(new JoinRoomCommand(general, new DisplayName("Alice")));
                Reply reply = alice.send(new PostMessageCommand(general, new MessageText("hello")));
                System.out.println(reply.status()); // after "Alice: hello": the sink ran before send returned
                alice.close();
            }
            // snippet:end
        });

        assertThat(printed).containsExactly("Alice: hello", "OK");
    }

    @Test
    void the_embedding_page_shows_exactly_this_example() throws IOException {
        assertThat(Files.readString(EMBEDDING_DOC)).contains(DocSnippet.fencedBlockOf(THIS_SOURCE));
    }
}
