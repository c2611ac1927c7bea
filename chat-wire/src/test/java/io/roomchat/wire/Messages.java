package io.roomchat.wire;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.time.Instant;

/** Test support: stored messages as the core would hand them to the encoder, each change under its own seq. */
final class Messages {
    static final Instant POSTED_AT = Instant.parse("2026-11-27T18:38:45.120Z");
    static final Instant EDITED_AT = Instant.parse("2026-11-27T18:40:00Z");

    private Messages() {
    }

    static ChatMessage posted(String id, String text) {
        return ChatMessage.posted(new MessageId(id), new RoomName("general"), new UserId("auth0|abc"),
                new DisplayName("Bob"), new MessageText(text), POSTED_AT).withSeq(7);
    }

    static ChatMessage edited(String id, String text) {
        return posted(id, "before the edit").apply(new MessageChange.Replace(new MessageText(text)), EDITED_AT)
                .withSeq(8);
    }

    static ChatMessage deleted(String id) {
        return posted(id, "soon gone").apply(new MessageChange.Erase(), EDITED_AT).withSeq(9);
    }
}
