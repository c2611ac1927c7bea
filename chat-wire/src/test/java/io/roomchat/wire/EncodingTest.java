package io.roomchat.wire;

import static io.roomchat.wire.Frames.CODEC;
import static io.roomchat.wire.Frames.decodesToInvalid;
import static io.roomchat.wire.Frames.json;
import static io.roomchat.wire.Messages.deleted;
import static io.roomchat.wire.Messages.edited;
import static io.roomchat.wire.Messages.posted;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.Reply;
import io.roomchat.core.port.in.ReplyPayload;
import io.roomchat.core.port.out.Delivery;
import io.roomchat.core.port.out.EventEncoder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EncodingTest {
    private static final String POSTED_EVENT = json("{'messageId':'m-1','room':'general','userId':'auth0|abc',"
            + "'name':'Bob','message':'hi','postedAt':'2026-11-27T18:38:45.120Z',"
            + "'modifiedAt':'2026-11-27T18:38:45.120Z','seq':7}");
    private static final String DELETED_EVENT = json("{'messageId':'m-2','room':'general','userId':'auth0|abc',"
            + "'name':'Bob','postedAt':'2026-11-27T18:38:45.120Z','modifiedAt':'2026-11-27T18:40:00.000Z',"
            + "'isDeleted':true,'seq':9}");

    @Nested
    class Replies {
        @Test
        void anOkReplyIsWhatTheOriginalSent() {
            assertThat(CODEC.encodeReply(Reply.ok(), Optional.empty())).isEqualTo("{\"statusCode\":200,\"body\":\"\"}");
        }

        @Test
        void theRequestIdIsEchoedAfterTheBody() {
            assertThat(CODEC.encodeReply(Reply.ok(), Optional.of("r-1")))
                    .isEqualTo(json("{'statusCode':200,'body':'','requestId':'r-1'}"));
        }

        @Test
        void aRejectionCarriesItsStatusAndReason() {
            assertThat(CODEC.encodeReply(Reply.rejected(Status.FORBIDDEN, "room not joined"), Optional.empty()))
                    .isEqualTo(json("{'statusCode':403,'body':'room not joined'}"));
            assertThat(CODEC.encodeReply(Reply.rejected(Status.TOO_MANY_REQUESTS, "slow down"), Optional.of("r9")))
                    .isEqualTo(json("{'statusCode':429,'body':'slow down','requestId':'r9'}"));
        }

        @Test
        void anInternalErrorHasTheFixedBody() {
            assertThat(CODEC.encodeReply(Reply.internalError(), Optional.empty()))
                    .isEqualTo(json("{'statusCode':500,'body':'internal error'}"));
        }

        @Test
        void aDecodingRejectionEncodesWithTheRequestIdItKept() {
            DecodedFrame.Invalid invalid = decodesToInvalid(json("{'action':'nope','requestId':'r-7'}"));
            assertThat(CODEC.encodeReply(invalid.reply(), invalid.requestId()))
                    .isEqualTo("{\"statusCode\":400,\"body\":\"action: unknown 'nope'\",\"requestId\":\"r-7\"}");
        }

        @Test
        void aNewMessagesReplyCarriesItsIdTimeAndSeq() {
            Reply reply = Reply.ok(new ReplyPayload.Posted(new MessageId("m-1"),
                    Instant.parse("2026-11-27T18:38:45.123456789Z"), 42));
            assertThat(CODEC.encodeReply(reply, Optional.of("p1"))).isEqualTo(json(
                    "{'statusCode':200,'body':'','requestId':'p1','messageId':'m-1',"
                            + "'postedAt':'2026-11-27T18:38:45.123Z','seq':42}"));
        }

        @Test
        void aHistoryReplyCarriesTheRoomTheEventsOldestFirstAndWhetherThereIsMore() {
            Reply reply = Reply.ok(new ReplyPayload.HistoryPage(new RoomName("general"),
                    List.of(posted("m-1", "hi"), deleted("m-2")), true));
            assertThat(CODEC.encodeReply(reply, Optional.of("h1"))).isEqualTo(json(
                    "{'statusCode':200,'body':'','requestId':'h1','room':'general','messages':[")
                    + POSTED_EVENT + "," + DELETED_EVENT + "],\"hasMore\":true}");
        }

        @Test
        void anEmptyHistoryPageHasAnEmptyArray() {
            Reply reply = Reply.ok(new ReplyPayload.HistoryPage(new RoomName("quiet"), List.of(), false));
            assertThat(CODEC.encodeReply(reply, Optional.empty()))
                    .isEqualTo(json("{'statusCode':200,'body':'','room':'quiet','messages':[],'hasMore':false}"));
        }

        @Test
        void aRequestIdWithQuotesAndBackslashesIsEscaped() {
            assertThat(CODEC.encodeReply(Reply.ok(), Optional.of("a\"b\\c")))
                    .isEqualTo("{\"statusCode\":200,\"body\":\"\",\"requestId\":\"a\\\"b\\\\c\"}");
        }
    }

    @Nested
    class Events {
        @Test
        void aNewMessageHasEveryFieldInOrderAndModifiedAtEqualToPostedAt() {
            assertThat(CODEC.encode(posted("m-1", "hi"))).isEqualTo(POSTED_EVENT);
        }

        @Test
        void anEditKeepsIdAndPostedAtAndHasALaterModifiedAt() {
            assertThat(CODEC.encode(edited("m-1", "edited"))).isEqualTo(json(
                    "{'messageId':'m-1','room':'general','userId':'auth0|abc','name':'Bob','message':'edited',"
                            + "'postedAt':'2026-11-27T18:38:45.120Z','modifiedAt':'2026-11-27T18:40:00.000Z',"
                            + "'seq':8}"));
        }

        @Test
        void aDeletedMessageHasNoTextAndIsDeletedTrueAtTheEnd() {
            assertThat(CODEC.encode(deleted("m-2"))).isEqualTo(DELETED_EVENT);
        }

        @Test
        void timesAlwaysHaveThreeFractionDigits() {
            ChatMessage onTheSecond = ChatMessage.posted(new MessageId("m"), new RoomName("r"), new UserId("u"),
                    new DisplayName("n"), new MessageText("t"), Instant.parse("2026-01-02T03:04:05Z"));
            assertThat(CODEC.encode(onTheSecond))
                    .contains("\"postedAt\":\"2026-01-02T03:04:05.000Z\",\"modifiedAt\":\"2026-01-02T03:04:05.000Z\"");
        }

        @Test
        void quotesBackslashesAndControlCharactersAreEscapedAndUnicodeIsKept() {
            String text = "say \"hi\" \\ back\n\t\r\b\f\u0001\u001f é 日本 😀 \u2028";
            assertThat(CODEC.encode(posted("m-1", text))).contains(
                    "\"message\":\"say \\\"hi\\\" \\\\ back\\n\\t\\r\\b\\f\\u0001\\u001F é 日本 😀 \u2028\"");
        }

        @Test
        void anUnpairedSurrogateFromAStoreIsReplacedSoTheFrameIsValidUtf8() {
            // The decoder never lets one in, but a message may come from elsewhere (another adapter, a store).
            assertThat(CODEC.encode(posted("m-1", "a\ud800b\udc00 😀")))
                    .contains("\"message\":\"a\ufffdb\ufffd 😀\"");
        }

        @Test
        void theCodecIsTheCoresEventEncoder() {
            EventEncoder encoder = WireCodec.create();
            assertThat(new Delivery(posted("m-1", "hi"), encoder).text()).isEqualTo(POSTED_EVENT);
        }
    }
}
