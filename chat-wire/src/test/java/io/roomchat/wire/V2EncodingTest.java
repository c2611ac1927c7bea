package io.roomchat.wire;

import static io.roomchat.wire.Frames.CODEC;
import static io.roomchat.wire.Frames.json;
import static io.roomchat.wire.Messages.deleted;
import static io.roomchat.wire.Messages.posted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.PresentUser;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.RoomPresence;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every server frame on a v2 connection starts with its type; v1 frames do not change. */
class V2EncodingTest {
    private static final RoomName GENERAL = new RoomName("general");
    private static final UserId ALICE = new UserId("alice");
    private static final Instant AT = Instant.parse("2026-11-27T18:38:45.120Z");
    private static final RoomPresence TWO_PRESENT = new RoomPresence(2, List.of(
            new PresentUser(ALICE, new DisplayName("Alice")), new PresentUser(new UserId("bob"),
                    new DisplayName("Bob"))));

    private static String v2Reply(Reply reply, Optional<String> requestId) {
        return CODEC.encodeReply(reply, requestId, Protocol.V2);
    }

    @Test
    void aReplyIsTypedAndKeepsStatusBodyAndRequestId() {
        assertThat(v2Reply(Reply.ok(), Optional.of("r-1")))
                .isEqualTo(json("{'type':'reply','statusCode':200,'body':'','requestId':'r-1'}"));
        assertThat(v2Reply(Reply.rejected(Status.FORBIDDEN, "room: join the room first"), Optional.empty()))
                .isEqualTo(json("{'type':'reply','statusCode':403,'body':'room: join the room first'}"));
    }

    @Test
    void aPostReplyKeepsItsPayload() {
        assertThat(v2Reply(Reply.ok(ReplyPayload.Posted.of(posted("m-1", "hi"))), Optional.empty()))
                .isEqualTo(json("{'type':'reply','statusCode':200,'body':'','messageId':'m-1',"
                        + "'postedAt':'2026-11-27T18:38:45.120Z','seq':7}"));
    }

    @Test
    void aJoinReplyCarriesTheRoomsState() {
        var joined = new ReplyPayload.Joined(GENERAL, 12, TWO_PRESENT, Optional.of(AT), 3, true,
                Optional.of(true));

        assertThat(v2Reply(Reply.ok(joined), Optional.of("j")))
                .isEqualTo(json("{'type':'reply','statusCode':200,'body':'','requestId':'j','room':'general',"
                        + "'seq':12,'members':[{'userId':'alice','name':'Alice'},{'userId':'bob','name':'Bob'}],"
                        + "'memberCount':2,'lastRead':'2026-11-27T18:38:45.120Z','unread':3,'moderator':true,"
                        + "'recovered':true}"));
    }

    @Test
    void aJoinReplyWithoutReadPositionOrSinceHasANullLastReadAndNoRecovered() {
        var joined = new ReplyPayload.Joined(GENERAL, 0, new RoomPresence(1, List.of(
                new PresentUser(ALICE, new DisplayName("Alice")))), Optional.empty(), 0, false, Optional.empty());

        assertThat(v2Reply(Reply.ok(joined), Optional.empty()))
                .isEqualTo(json("{'type':'reply','statusCode':200,'body':'','room':'general','seq':0,"
                        + "'members':[{'userId':'alice','name':'Alice'}],'memberCount':1,'lastRead':null,"
                        + "'unread':0,'moderator':false}"));
    }

    @Test
    void aPresenceReplyListsMembersAndCount() {
        assertThat(v2Reply(Reply.ok(new ReplyPayload.Present(GENERAL, TWO_PRESENT)), Optional.empty()))
                .isEqualTo(json("{'type':'reply','statusCode':200,'body':'','room':'general',"
                        + "'members':[{'userId':'alice','name':'Alice'},{'userId':'bob','name':'Bob'}],"
                        + "'memberCount':2}"));
    }

    @Test
    void aReadReplyCarriesTheCurrentPosition() {
        assertThat(v2Reply(Reply.ok(new ReplyPayload.ReadUpTo(GENERAL, AT)), Optional.empty()))
                .isEqualTo(json("{'type':'reply','statusCode':200,'body':'','room':'general',"
                        + "'lastRead':'2026-11-27T18:38:45.120Z'}"));
    }

    @Test
    void aMessageEventIsTypedAndKeepsEveryV1FieldInOrder() {
        var message = new RoomEvent.Message(posted("m-1", "hi"));

        assertThat(CODEC.encode(message, Protocol.V2)).isEqualTo("{\"type\":\"message\","
                + CODEC.encode(message, Protocol.V1).substring(1));
        assertThat(CODEC.encode(new RoomEvent.Message(deleted("m-2")), Protocol.V2))
                .isEqualTo(json("{'type':'message','messageId':'m-2','room':'general','userId':'auth0|abc',"
                        + "'name':'Bob','postedAt':'2026-11-27T18:38:45.120Z',"
                        + "'modifiedAt':'2026-11-27T18:40:00.000Z','isDeleted':true,'seq':9}"));
    }

    @Test
    void aV1MessageEventIsTheV1Frame() {
        assertThat(CODEC.encode(new RoomEvent.Message(posted("m-1", "hi")), Protocol.V1))
                .isEqualTo(CODEC.encode(posted("m-1", "hi")));
    }

    @Test
    void presenceEvents() {
        assertThat(CODEC.encode(new RoomEvent.Presence(GENERAL, RoomEvent.Presence.Kind.JOIN, ALICE,
                new DisplayName("Alice")), Protocol.V2))
                .isEqualTo(json("{'type':'presence','room':'general','event':'join','userId':'alice',"
                        + "'name':'Alice'}"));
        assertThat(CODEC.encode(new RoomEvent.Presence(GENERAL, RoomEvent.Presence.Kind.LEAVE, ALICE,
                new DisplayName("Alice")), Protocol.V2))
                .isEqualTo(json("{'type':'presence','room':'general','event':'leave','userId':'alice',"
                        + "'name':'Alice'}"));
    }

    @Test
    void aTypingEvent() {
        assertThat(CODEC.encode(new RoomEvent.Typing(GENERAL, ALICE, new DisplayName("Alice")), Protocol.V2))
                .isEqualTo(json("{'type':'typing','room':'general','userId':'alice','name':'Alice'}"));
    }

    @Test
    void aReadEvent() {
        assertThat(CODEC.encode(new RoomEvent.Read(GENERAL, ALICE, AT), Protocol.V2))
                .isEqualTo(json("{'type':'read','room':'general','userId':'alice',"
                        + "'postedAt':'2026-11-27T18:38:45.120Z'}"));
    }

    @Test
    void aKickedEventNamesTheRoomAndTheModerator() {
        assertThat(CODEC.encode(new RoomEvent.Kicked(GENERAL, ALICE, new UserId("mia")), Protocol.V2))
                .isEqualTo(json("{'type':'kicked','room':'general','by':'mia'}"));
    }

    @Test
    void v1HasNoFrameForOtherEvents() {
        assertThatThrownBy(() -> CODEC.encode(new RoomEvent.Kicked(GENERAL, ALICE, ALICE), Protocol.V1))
                .as("a gateway closes a kicked v1 connection instead").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CODEC.encode(new RoomEvent.Typing(GENERAL, ALICE, new DisplayName("A")),
                Protocol.V1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aV1ReplyHasNoType() {
        assertThat(CODEC.encodeReply(Reply.ok(), Optional.empty(), Protocol.V1))
                .isEqualTo("{\"statusCode\":200,\"body\":\"\"}");
    }
}
