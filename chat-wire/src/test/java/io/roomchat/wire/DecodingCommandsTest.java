package io.roomchat.wire;

import static io.roomchat.wire.Frames.command;
import static io.roomchat.wire.Frames.decodesToCommand;
import static io.roomchat.wire.Frames.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ClientMessageId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.HistoryCursor;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageRef;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.in.ChangeMessageCommand;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.PostMessageCommand;
import io.roomchat.core.port.in.ReadHistoryQuery;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DecodingCommandsTest {
    private static final RoomName GENERAL = new RoomName("general");
    private static final Instant POSTED_AT = Instant.parse("2026-11-27T18:38:45.123Z");

    @Nested
    class Join {
        @Test
        void joinFrameBecomesJoinRoomCommand() {
            assertThat(command(json("{'action':'onJoin','room':'general','name':'Bob'}")))
                    .isEqualTo(new JoinRoomCommand(GENERAL, new DisplayName("Bob")));
        }

        @Test
        void theLobbyIsAnOrdinaryRoom() {
            assertThat(command(json("{'action':'onJoin','room':'_lobby','name':'Bob'}")))
                    .isEqualTo(new JoinRoomCommand(new RoomName("_lobby"), new DisplayName("Bob")));
        }

        @Test
        void fieldsTheOriginalClientAddsAreIgnored() {
            assertThat(command(json("{'action':'onJoin','room':'general','name':'Bob','userId':'auth0|abc',"
                    + "'extra':{'nested':[1,2.5,true,null,{'deep':'x'}]}}")))
                    .isEqualTo(new JoinRoomCommand(GENERAL, new DisplayName("Bob")));
        }

        @Test
        void whitespaceAroundTheObjectIsFine() {
            assertThat(command(json(" \n\t{ 'action' : 'onJoin' , 'room' : 'general' , 'name' : 'Bob' }\r\n ")))
                    .isEqualTo(new JoinRoomCommand(GENERAL, new DisplayName("Bob")));
        }

        @Test
        void unicodeNamesAndEscapedSurrogatePairsAreKept() {
            assertThat(command(json("{'action':'onJoin','room':'caf\\u00e9 \\ud83d\\ude00','name':'Zo\u00eb 日本'}")))
                    .isEqualTo(new JoinRoomCommand(new RoomName("café 😀"), new DisplayName("Zoë 日本")));
        }
    }

    @Nested
    class RequestId {
        @Test
        void aRequestIdIsReturnedForTheReplyToEcho() {
            DecodedFrame.Command decoded = decodesToCommand(
                    json("{'action':'onJoin','room':'general','name':'Bob','requestId':'r-42'}"));
            assertThat(decoded.requestId()).contains("r-42");
        }

        @Test
        void withoutARequestIdThereIsNothingToEcho() {
            assertThat(decodesToCommand(json("{'action':'onJoin','room':'general','name':'Bob'}")).requestId())
                    .isEmpty();
        }

        @Test
        void aNullRequestIdCountsAsAbsent() {
            assertThat(decodesToCommand(json("{'action':'onJoin','room':'general','name':'Bob','requestId':null}"))
                    .requestId()).isEmpty();
        }

        @Test
        void aRequestIdOfSixtyFourCharactersIsAccepted() {
            String id = "r".repeat(64);
            assertThat(decodesToCommand(json("{'action':'onJoin','room':'general','name':'Bob','requestId':'"
                    + id + "'}")).requestId()).contains(id);
        }
    }

    @Nested
    class NewMessage {
        @Test
        void theOriginalClientsNewMessageBecomesAPost() {
            assertThat(command("{\"action\":\"onMessage\",\"room\":\"general\",\"message\":\"hi\",\"name\":\"Bob\"}"))
                    .isEqualTo(new PostMessageCommand(GENERAL, new MessageText("hi"),
                            Optional.of(new DisplayName("Bob"))));
        }

        @Test
        void theNameIsOptional() {
            assertThat(command(json("{'action':'onMessage','room':'general','message':'hi'}")))
                    .isEqualTo(new PostMessageCommand(GENERAL, new MessageText("hi")));
        }

        @Test
        void aNullNameCountsAsAbsent() {
            assertThat(command(json("{'action':'onMessage','room':'general','message':'hi','name':null}")))
                    .isEqualTo(new PostMessageCommand(GENERAL, new MessageText("hi")));
        }

        @Test
        void isDeletedFalseWithoutAReferenceIsAnOrdinaryPost() {
            assertThat(command(json("{'action':'onMessage','room':'general','message':'hi','isDeleted':false}")))
                    .isEqualTo(new PostMessageCommand(GENERAL, new MessageText("hi")));
        }

        @Test
        void escapedControlCharactersAndQuotesInTheTextAreDecoded() {
            assertThat(command("{\"action\":\"onMessage\",\"room\":\"general\","
                    + "\"message\":\"line1\\nline2\\t\\\"quoted\\\" \\\\ \\u0001\"}"))
                    .isEqualTo(new PostMessageCommand(GENERAL, new MessageText("line1\nline2\t\"quoted\" \\ \u0001")));
        }

        @Test
        void aClientMessageIdIsCarriedToThePost() {
            assertThat(command(json("{'action':'onMessage','room':'general','message':'hi','clientMessageId':'c-1'}")))
                    .isEqualTo(new PostMessageCommand(GENERAL, new MessageText("hi"), Optional.empty(),
                            Optional.of(new ClientMessageId("c-1"))));
        }

        @Test
        void aClientMessageIdOfSixtyFourCharactersIsAccepted() {
            String key = "k".repeat(64);
            assertThat(command(json("{'action':'onMessage','room':'general','message':'hi','clientMessageId':'"
                    + key + "'}")))
                    .isEqualTo(new PostMessageCommand(GENERAL, new MessageText("hi"), Optional.empty(),
                            Optional.of(new ClientMessageId(key))));
        }

        @Test
        void aNullClientMessageIdCountsAsAbsent() {
            assertThat(command(json("{'action':'onMessage','room':'general','message':'hi','clientMessageId':null}")))
                    .isEqualTo(new PostMessageCommand(GENERAL, new MessageText("hi")));
        }

        @Test
        void tooLongTextIsLeftToTheCoreWhichAnswers413() {
            String text = "x".repeat(5_000);
            assertThat(command(json("{'action':'onMessage','room':'general','message':'" + text + "'}")))
                    .isEqualTo(new PostMessageCommand(GENERAL, new MessageText(text)));
        }
    }

    @Nested
    class EditAndDelete {
        @Test
        void theOriginalClientsEditBecomesAReplaceOfTheMessagePostedThen() {
            assertThat(command("{\"action\":\"onMessage\",\"room\":\"general\",\"message\":\"edited\","
                    + "\"postedAt\":\"2026-11-27T18:38:45.123Z\",\"userId\":\"auth0|abc\"}"))
                    .isEqualTo(new ChangeMessageCommand(GENERAL, new MessageRef.ByPostedAt(POSTED_AT),
                            new MessageChange.Replace(new MessageText("edited"))));
        }

        @Test
        void theOriginalClientsDeleteBecomesAnErase() {
            assertThat(command("{\"action\":\"onMessage\",\"room\":\"general\",\"name\":\"Bob\","
                    + "\"postedAt\":\"2026-11-27T18:38:45.123Z\",\"userId\":\"auth0|abc\",\"isDeleted\":true}"))
                    .isEqualTo(new ChangeMessageCommand(GENERAL, new MessageRef.ByPostedAt(POSTED_AT),
                            new MessageChange.Erase()));
        }

        @Test
        void aDeleteThatStillCarriesTheOldTextIsAnErase() {
            assertThat(command(json("{'action':'onMessage','room':'general','message':'old',"
                    + "'postedAt':'2026-11-27T18:38:45.123Z','isDeleted':true}")))
                    .isEqualTo(new ChangeMessageCommand(GENERAL, new MessageRef.ByPostedAt(POSTED_AT),
                            new MessageChange.Erase()));
        }

        @Test
        void isDeletedFalseWithAReferenceIsAnEdit() {
            assertThat(command(json("{'action':'onMessage','room':'general','message':'edited',"
                    + "'postedAt':'2026-11-27T18:38:45.123Z','isDeleted':false}")))
                    .isEqualTo(new ChangeMessageCommand(GENERAL, new MessageRef.ByPostedAt(POSTED_AT),
                            new MessageChange.Replace(new MessageText("edited"))));
        }

        @Test
        void aMessageIdNamesTheMessageToo() {
            assertThat(command(json("{'action':'onMessage','room':'general','message':'edited','messageId':'m-1'}")))
                    .isEqualTo(new ChangeMessageCommand(GENERAL, new MessageRef.ById(new MessageId("m-1")),
                            new MessageChange.Replace(new MessageText("edited"))));
        }

        @Test
        void givenBothReferencesTheMessageIdWins() {
            assertThat(command(json("{'action':'onMessage','room':'general','isDeleted':true,"
                    + "'postedAt':'2026-11-27T18:38:45.123Z','messageId':'m-1'}")))
                    .isEqualTo(new ChangeMessageCommand(GENERAL, new MessageRef.ById(new MessageId("m-1")),
                            new MessageChange.Erase()));
        }

        @Test
        void theClaimedUserIdIsNotPartOfTheCommand() {
            // Two different claims decode to the same command: the core checks the stored author, not the frame.
            String mine = json("{'action':'onMessage','room':'general','isDeleted':true,"
                    + "'postedAt':'2026-11-27T18:38:45.123Z','userId':'auth0|me'}");
            String someoneElses = mine.replace("auth0|me", "auth0|victim");
            assertThat(command(someoneElses)).isEqualTo(command(mine));
        }

        @Test
        void postedAtIsReadWithAnyNumberOfFractionDigitsAndKeptToTheMillisecond() {
            assertThat(referenceIn("2026-11-27T18:38:45Z")).isEqualTo(at("2026-11-27T18:38:45.000Z"));
            assertThat(referenceIn("2026-11-27T18:38:45.1Z")).isEqualTo(at("2026-11-27T18:38:45.100Z"));
            assertThat(referenceIn("2026-11-27T18:38:45.123456Z")).isEqualTo(at("2026-11-27T18:38:45.123Z"));
            assertThat(referenceIn("2026-11-27T18:38:45.123999999Z")).isEqualTo(at("2026-11-27T18:38:45.123Z"));
        }

        @Test
        void postedAtWithAnOffsetIsConvertedToUtc() {
            assertThat(referenceIn("2026-11-27T19:38:45.123+01:00")).isEqualTo(at("2026-11-27T18:38:45.123Z"));
        }

        private MessageRef referenceIn(String postedAt) {
            ChangeMessageCommand change = (ChangeMessageCommand) command(json(
                    "{'action':'onMessage','room':'general','isDeleted':true,'postedAt':'" + postedAt + "'}"));
            return change.message();
        }

        private MessageRef at(String instant) {
            return new MessageRef.ByPostedAt(Instant.parse(instant));
        }
    }

    @Nested
    class History {
        @Test
        void withoutACursorTheNewestPageIsAskedForWithTheDefaultLimit() {
            assertThat(command(json("{'action':'onHistory','room':'general'}")))
                    .isEqualTo(new ReadHistoryQuery(GENERAL, new HistoryCursor.Latest(), OptionalInt.empty()));
        }

        @Test
        void beforeAsksForTheNewestPageOlderThanIt() {
            assertThat(command(json("{'action':'onHistory','room':'general','before':'2026-11-27T18:38:45.123Z',"
                    + "'limit':20}")))
                    .isEqualTo(new ReadHistoryQuery(GENERAL, new HistoryCursor.Before(POSTED_AT), OptionalInt.of(20)));
        }

        @Test
        void afterAsksForTheOldestPageNewerThanIt() {
            assertThat(command(json("{'action':'onHistory','room':'general','after':'2026-11-27T18:38:45.123Z'}")))
                    .isEqualTo(new ReadHistoryQuery(GENERAL, new HistoryCursor.After(POSTED_AT), OptionalInt.empty()));
        }

        @Test
        void sinceAsksForWhatChangedAfterThatSeq() {
            assertThat(command(json("{'action':'onHistory','room':'general','since':41,'limit':10}")))
                    .isEqualTo(new ReadHistoryQuery(GENERAL, new HistoryCursor.Since(41), OptionalInt.of(10)));
            assertThat(command(json("{'action':'onHistory','room':'general','since':0}")))
                    .isEqualTo(new ReadHistoryQuery(GENERAL, new HistoryCursor.Since(0), OptionalInt.empty()));
            assertThat(command(json("{'action':'onHistory','room':'general','since':9007199254740993}")))
                    .isEqualTo(new ReadHistoryQuery(GENERAL, new HistoryCursor.Since(9007199254740993L),
                            OptionalInt.empty()));
        }

        @Test
        void nullCursorsCountAsAbsent() {
            assertThat(command(json("{'action':'onHistory','room':'general','before':null,'after':null,'since':null,"
                    + "'limit':null}")))
                    .isEqualTo(ReadHistoryQuery.latest(GENERAL));
        }

        @Test
        void aLimitOutsideThePageRangeIsPassedOnForTheCoreToJudge() {
            assertThat(((ReadHistoryQuery) command(json("{'action':'onHistory','room':'general','limit':0}"))).limit())
                    .hasValue(0);
            assertThat(((ReadHistoryQuery) command(json("{'action':'onHistory','room':'general','limit':-5}")))
                    .limit()).hasValue(-5);
            assertThat(((ReadHistoryQuery) command(json("{'action':'onHistory','room':'general','limit':1000}")))
                    .limit()).hasValue(1000);
        }
    }
}
