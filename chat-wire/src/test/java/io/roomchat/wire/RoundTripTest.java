package io.roomchat.wire;

import static io.roomchat.wire.Frames.CODEC;
import static io.roomchat.wire.Frames.command;
import static io.roomchat.wire.Messages.posted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.ReadHistoryQuery;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What a client builds from the frames it receives decodes to the message those frames describe. */
class RoundTripTest {
    private static final ObjectMapper CLIENT = new ObjectMapper();

    @Test
    void theOriginalClientCanDeleteAMessageByTheEventsPostedAtAndUserId() throws Exception {
        ChatMessage message = posted("m-1", "hi");
        JsonNode event = CLIENT.readTree(CODEC.encode(message));

        // As the original client does: echo room, postedAt and userId, add isDeleted.
        ObjectNode delete = CLIENT.createObjectNode()
                .put("action", "onMessage")
                .put("room", event.get("room").asText())
                .put("postedAt", event.get("postedAt").asText())
                .put("userId", event.get("userId").asText())
                .put("isDeleted", true);

        assertThat(command(CLIENT.writeValueAsString(delete))).isEqualTo(new ChangeMessageCommand(message.room(),
                new MessageRef.ByPostedAt(message.postedAt()), new MessageChange.Erase()));
    }

    @Test
    void aNewClientCanEditAMessageByTheEventsMessageId() throws Exception {
        ChatMessage message = posted("7c1d0a0e-4c55-4a0b-9a55-2f1f8a6d5e11", "hi");
        JsonNode event = CLIENT.readTree(CODEC.encode(message));

        ObjectNode edit = CLIENT.createObjectNode()
                .put("action", "onMessage")
                .put("room", event.get("room").asText())
                .put("messageId", event.get("messageId").asText())
                .put("message", "edited");

        assertThat(command(CLIENT.writeValueAsString(edit))).isEqualTo(new ChangeMessageCommand(message.room(),
                new MessageRef.ById(message.id()), new MessageChange.Replace(new MessageText("edited"))));
    }

    @Test
    void thePostedReplysTimeNamesTheNewMessage() throws Exception {
        Instant postedAt = Instant.parse("2026-11-27T18:38:45.007Z");
        JsonNode reply = CLIENT.readTree(CODEC.encodeReply(
                Reply.ok(new ReplyPayload.Posted(new MessageId("m-9"), postedAt, 1)), Optional.of("p1")));

        String delete = "{\"action\":\"onMessage\",\"room\":\"general\",\"isDeleted\":true,\"postedAt\":\""
                + reply.get("postedAt").asText() + "\"}";

        assertThat(((ChangeMessageCommand) command(delete)).message()).isEqualTo(new MessageRef.ByPostedAt(postedAt));
    }

    @Test
    void aReconnectingClientAsksForWhatCameAfterTheLastMessageItSaw() throws Exception {
        ChatMessage last = posted("m-2", "latest");
        JsonNode page = CLIENT.readTree(CODEC.encodeReply(Reply.ok(new ReplyPayload.HistoryPage(
                new RoomName("general"), List.of(posted("m-1", "earlier"), last), false)), Optional.empty()));
        JsonNode newest = page.get("messages").get(1);

        String missed = "{\"action\":\"onHistory\",\"room\":\"" + page.get("room").asText() + "\",\"after\":\""
                + newest.get("postedAt").asText() + "\",\"limit\":100}";

        assertThat(command(missed)).isEqualTo(new ReadHistoryQuery(last.room(),
                new HistoryCursor.After(last.postedAt()), OptionalInt.of(100)));
    }

    @Test
    void anyTextSurvivesBeingEncodedReadByAClientAndSentBack() throws Exception {
        String text = "quotes \" and \\ slashes, </script>, controls \u0000\u0001\u001f\u007f, lines \n\r\u2028\u2029, "
                + "é 日本 😀 \ufeff";
        JsonNode event = CLIENT.readTree(CODEC.encode(posted("m-1", text)));
        assertThat(event.get("message").asText()).isEqualTo(text);

        ObjectNode post = CLIENT.createObjectNode()
                .put("action", "onMessage").put("room", "general").put("message", event.get("message").asText());

        assertThat(((PostMessageCommand) command(CLIENT.writeValueAsString(post))).text())
                .isEqualTo(new MessageText(text));
    }
}
