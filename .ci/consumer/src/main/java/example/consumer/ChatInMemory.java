package example.consumer;

import io.roomchat.adapter.inmemory.EmbeddedChat;
import io.roomchat.adapter.inmemory.EmbeddedConnection;
import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.auth.jwt.JwtTokenIssuer;
import io.roomchat.auth.jwt.JwtTokenVerifier;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What an application does with the published modules: the chat in its own process, with real tokens. */
public final class ChatInMemory {
    private ChatInMemory() {
    }

    /** Alice signs in with a token, joins a room and posts; returns the replies and the texts she heard. */
    public static List<String> aliceSaysHello() {
        String secret = JwtTokenIssuer.randomSecret();
        String token = JwtTokenIssuer.hs256(secret).issue("alice", "Alice", Duration.ofMinutes(5));
        List<String> seen = new ArrayList<>();
        try (EmbeddedChat chat = InMemoryChat.embedded(JwtTokenVerifier.hs256(secret).build())) {
            EmbeddedConnection alice = chat.connect(token, (ChatMessage event) -> seen.add(event.text().value()))
                    .orElseThrow(() -> new IllegalStateException("the token was refused"));
            RoomName general = new RoomName("general");
            Reply joined = alice.send(new JoinRoomCommand(general, new DisplayName("Alice")));
            Reply posted = alice.send(new PostMessageCommand(general, new MessageText("hello")));
            seen.add(0, joined.status() + " " + posted.status());
            alice.close();
        }
        return seen;
    }
}
