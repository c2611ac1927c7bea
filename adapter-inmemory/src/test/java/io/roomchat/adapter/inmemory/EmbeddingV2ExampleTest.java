package io.roomchat.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Identity;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.out.TokenVerification;
import io.roomchat.core.port.out.TokenVerifier;
import io.roomchat.testkit.DocSnippet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v2 example of docs/embedding.md, run as written; a second test keeps the page and this file in step. */
class EmbeddingV2ExampleTest {
    private static final Path THIS_SOURCE =
            Path.of("src/test/java/io/roomchat/adapter/inmemory/EmbeddingV2ExampleTest.java");
    private static final Path EMBEDDING_DOC = Path.of("../docs/embedding.md");

    @Test
    void the_documented_v2_example_prints_presence_and_messages_of_both_rooms() {
        List<String> printed = PrintedLines.of(() -> {
            // snippet:start
            TokenVerifier trustingVerifier = token -> new TokenVerification.Verified(new Identity(new UserId(token)));
            try (EmbeddedChat chat = InMemoryChat.embedded(trustingVerifier)) {
                EmbeddedConnection alice = chat.connectV2("alice", event -> {
                    if (event instanceof RoomEvent.Presence presence) {
                        System.out.println(presence.room().value() + ": " + presence.name().value() + " "
                                + presence.kind());
                    } else if (event instanceof RoomEvent.Message message) {
                        System.out.println(message.room().value() + ": " + message.message().authorName().value()
                                + ": " + message.message().text().value());
                    }
                }).orElseThrow();
                RoomName general = new RoomName("general");
                RoomName random = new RoomName("random");
                alice.send(new JoinRoomCommand(general, new DisplayName("Alice")));
                alice.send(new JoinRoomCommand(random, new DisplayName("Alice")));  // a second room; general stays

                EmbeddedConnection bob = chat.connect("bob", message -> { }).orElseThrow();  // a v1 connection
                bob.send(new JoinRoomCommand(random, new DisplayName("Bob")));
                bob.send(new PostMessageCommand(random, new MessageText("hi Alice")));
                bob.close();
            }
            // snippet:end
        });

        assertThat(printed).containsExactly(
                "general: Alice JOIN", "random: Alice JOIN", "random: Bob JOIN", "random: Bob: hi Alice",
                "random: Bob LEAVE");
    }

    @Test
    void the_embedding_page_shows_exactly_this_example() throws IOException {
        assertThat(Files.readString(EMBEDDING_DOC)).contains(DocSnippet.fencedBlockOf(THIS_SOURCE));
    }
}
