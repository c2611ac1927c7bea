package io.roomchat.wire;

import static io.roomchat.wire.Frames.decodesToInvalid;
import static io.roomchat.wire.Frames.json;
import static io.roomchat.wire.Frames.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

/** Every way a frame can be wrong earns a 400 whose body names the field (or the frame) that is wrong. */
class DecodingErrorsTest {
    private static final String POSTED_AT = "2026-11-27T18:38:45.123Z";

    static Stream<Arguments> frameLevelErrors() {
        return Stream.of(
                Arguments.of("", "frame: empty"),
                Arguments.of(" \n\t ", "frame: empty"),
                Arguments.of("{", "frame: malformed JSON"),
                Arguments.of("{\"action\":\"onJoin\"", "frame: malformed JSON"),
                Arguments.of("{'action':'onJoin'}", "frame: malformed JSON"),
                Arguments.of("{action:\"onJoin\"}", "frame: malformed JSON"),
                Arguments.of(json("{'action':'onJoin',}"), "frame: malformed JSON"),
                Arguments.of(json("{/* hi */'action':'onJoin'}"), "frame: malformed JSON"),
                Arguments.of("hello", "frame: malformed JSON"),
                Arguments.of("[]", "frame: must be a JSON object"),
                Arguments.of(json("[{'action':'onJoin','room':'general','name':'Bob'}]"),
                        "frame: must be a JSON object"),
                Arguments.of("null", "frame: must be a JSON object"),
                Arguments.of("42", "frame: must be a JSON object"),
                Arguments.of("\"onJoin\"", "frame: must be a JSON object"),
                Arguments.of("true", "frame: must be a JSON object"),
                Arguments.of(json("{'action':'onJoin','room':'general','name':'Bob'} {}"),
                        "frame: unexpected data after the JSON object"),
                Arguments.of(json("{'action':'onJoin','room':'general','name':'Bob'} 1"),
                        "frame: unexpected data after the JSON object"),
                Arguments.of(json("{'action':'onJoin','room':'general','name':'Bob'}}"), "frame: malformed JSON"),
                Arguments.of(json("{'action':'onJoin','room':'general','name':'Bob'} garbage"),
                        "frame: malformed JSON"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("frameLevelErrors")
    void aFrameThatIsNotOneJsonObjectIsRejected(String frame, String body) {
        assertThat(rejection(frame)).isEqualTo(body);
    }

    @ParameterizedTest
    @NullSource
    void aMissingFrameIsRejectedNotThrown(String frame) {
        assertThat(rejection(frame)).isEqualTo("frame: empty");
    }

    static Stream<Arguments> fieldErrors() {
        return Stream.of(
                // action
                Arguments.of("{}", "action: required"),
                Arguments.of("{'action':null}", "action: required"),
                Arguments.of("{'room':'general','name':'Bob'}", "action: required"),
                Arguments.of("{'action':5}", "action: must be a string"),
                Arguments.of("{'action':['onJoin']}", "action: must be a string"),
                Arguments.of("{'action':'foo'}", "action: unknown 'foo'"),
                Arguments.of("{'action':'onjoin'}", "action: unknown 'onjoin'"),
                Arguments.of("{'action':'$connect'}", "action: unknown '$connect'"),
                Arguments.of("{'action':''}", "action: unknown ''"),
                Arguments.of("{'action':'on\\u0007Join\\n'}", "action: unknown 'on?Join?'"),
                Arguments.of("{'action':'" + "y".repeat(40) + "'}", "action: unknown '" + "y".repeat(32) + "...'"),
                // onJoin
                Arguments.of("{'action':'onJoin','name':'Bob'}", "room: required"),
                Arguments.of("{'action':'onJoin','room':null,'name':'Bob'}", "room: required"),
                Arguments.of("{'action':'onJoin','room':7,'name':'Bob'}", "room: must be a string"),
                Arguments.of("{'action':'onJoin','room':{'id':1},'name':'Bob'}", "room: must be a string"),
                Arguments.of("{'action':'onJoin','room':'','name':'Bob'}", "room must be 1-128 characters"),
                Arguments.of("{'action':'onJoin','room':'" + "r".repeat(129) + "','name':'Bob'}",
                        "room must be 1-128 characters"),
                Arguments.of("{'action':'onJoin','room':'gen\\neral','name':'Bob'}",
                        "room must not contain control characters"),
                Arguments.of("{'action':'onJoin','room':'general'}", "name: required"),
                Arguments.of("{'action':'onJoin','room':'general','name':false}", "name: must be a string"),
                Arguments.of("{'action':'onJoin','room':'general','name':''}", "name must be 1-64 characters"),
                Arguments.of("{'action':'onJoin','room':'general','name':'" + "n".repeat(65) + "'}",
                        "name must be 1-64 characters"),
                Arguments.of("{'action':'onJoin','room':'general','name':'B\\u0000b'}",
                        "name must not contain control characters"),
                // onMessage, new
                Arguments.of("{'action':'onMessage','message':'hi'}", "room: required"),
                Arguments.of("{'action':'onMessage','room':'general'}", "message: required"),
                Arguments.of("{'action':'onMessage','room':'general','message':null}", "message: required"),
                Arguments.of("{'action':'onMessage','room':'general','message':42}", "message: must be a string"),
                Arguments.of("{'action':'onMessage','room':'general','message':''}", "message must not be blank"),
                Arguments.of("{'action':'onMessage','room':'general','message':' \\n\\t '}",
                        "message must not be blank"),
                Arguments.of("{'action':'onMessage','room':'general','message':'hi','name':['Bob']}",
                        "name: must be a string"),
                Arguments.of("{'action':'onMessage','room':'general','message':'hi','name':''}",
                        "name must be 1-64 characters"),
                Arguments.of("{'action':'onMessage','room':'general','message':'hi','isDeleted':true}",
                        "isDeleted: needs postedAt or messageId"),
                Arguments.of("{'action':'onMessage','room':'general','message':'hi','isDeleted':'yes'}",
                        "isDeleted: must be a boolean"),
                Arguments.of("{'action':'onMessage','room':'general','message':'hi','clientMessageId':''}",
                        "clientMessageId must be 1-64 characters"),
                Arguments.of("{'action':'onMessage','room':'general','message':'hi','clientMessageId':'"
                        + "k".repeat(65) + "'}", "clientMessageId must be 1-64 characters"),
                Arguments.of("{'action':'onMessage','room':'general','message':'hi','clientMessageId':'a\\u0007b'}",
                        "clientMessageId must not contain control characters"),
                Arguments.of("{'action':'onMessage','room':'general','message':'hi','clientMessageId':7}",
                        "clientMessageId: must be a string"),
                // onMessage, edit and delete
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'" + POSTED_AT
                        + "','message':'edited','clientMessageId':'c-1'}", "clientMessageId: only for a new message"),
                Arguments.of("{'action':'onMessage','room':'general','messageId':'m-1','isDeleted':true,"
                        + "'clientMessageId':'c-1'}", "clientMessageId: only for a new message"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'" + POSTED_AT + "'}",
                        "message: required"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'" + POSTED_AT + "','message':' '}",
                        "message must not be blank"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'" + POSTED_AT
                        + "','isDeleted':false}", "message: required"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'" + POSTED_AT
                        + "','isDeleted':1}", "isDeleted: must be a boolean"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'" + POSTED_AT
                        + "','isDeleted':true,'userId':42}", "userId: must be a string"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':12345,'isDeleted':true}",
                        "postedAt: must be a string"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'yesterday','isDeleted':true}",
                        "postedAt: not an ISO-8601 instant"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'','isDeleted':true}",
                        "postedAt: not an ISO-8601 instant"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'2026-11-27','isDeleted':true}",
                        "postedAt: not an ISO-8601 instant"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'2026-13-27T18:38:45.123Z',"
                        + "'isDeleted':true}", "postedAt: not an ISO-8601 instant"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'2026-11-27T18:38:45.123',"
                        + "'isDeleted':true}", "postedAt: not an ISO-8601 instant"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':' " + POSTED_AT + "',"
                        + "'isDeleted':true}", "postedAt: not an ISO-8601 instant"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'+12026-11-27T18:38:45.123Z',"
                        + "'isDeleted':true}", "postedAt: not an ISO-8601 instant"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'1764268725123','isDeleted':true}",
                        "postedAt: not an ISO-8601 instant"),
                Arguments.of("{'action':'onMessage','room':'general','postedAt':'garbage','messageId':'m-1',"
                        + "'isDeleted':true}", "postedAt: not an ISO-8601 instant"),
                Arguments.of("{'action':'onMessage','room':'general','messageId':5,'isDeleted':true}",
                        "messageId: must be a string"),
                Arguments.of("{'action':'onMessage','room':'general','messageId':'','isDeleted':true}",
                        "messageId must be 1-64 characters"),
                Arguments.of("{'action':'onMessage','room':'general','messageId':'" + "m".repeat(65)
                        + "','isDeleted':true}", "messageId must be 1-64 characters"),
                // onHistory
                Arguments.of("{'action':'onHistory'}", "room: required"),
                Arguments.of("{'action':'onHistory','room':'general','before':'soon'}",
                        "before: not an ISO-8601 instant"),
                Arguments.of("{'action':'onHistory','room':'general','before':1764268725123}",
                        "before: must be a string"),
                Arguments.of("{'action':'onHistory','room':'general','after':'later'}",
                        "after: not an ISO-8601 instant"),
                Arguments.of("{'action':'onHistory','room':'general','before':'" + POSTED_AT + "','after':'"
                        + POSTED_AT + "'}", "after: not allowed together with before"),
                Arguments.of("{'action':'onHistory','room':'general','before':'" + POSTED_AT + "','since':3}",
                        "since: not allowed together with before"),
                Arguments.of("{'action':'onHistory','room':'general','since':3,'after':'" + POSTED_AT + "'}",
                        "since: not allowed together with after"),
                Arguments.of("{'action':'onHistory','room':'general','since':-1}", "since: must be 0 or more"),
                Arguments.of("{'action':'onHistory','room':'general','since':'5'}", "since: must be an integer"),
                Arguments.of("{'action':'onHistory','room':'general','since':1.5}", "since: must be an integer"),
                Arguments.of("{'action':'onHistory','room':'general','since':99999999999999999999}",
                        "since: out of range"),
                Arguments.of("{'action':'onHistory','room':'general','limit':'10'}", "limit: must be an integer"),
                Arguments.of("{'action':'onHistory','room':'general','limit':2.5}", "limit: must be an integer"),
                Arguments.of("{'action':'onHistory','room':'general','limit':10.0}", "limit: must be an integer"),
                Arguments.of("{'action':'onHistory','room':'general','limit':1e2}", "limit: must be an integer"),
                Arguments.of("{'action':'onHistory','room':'general','limit':true}", "limit: must be an integer"),
                Arguments.of("{'action':'onHistory','room':'general','limit':99999999999}", "limit: out of range"),
                Arguments.of("{'action':'onHistory','room':'general','limit':-99999999999}", "limit: out of range"),
                // requestId
                Arguments.of("{'action':'onJoin','room':'general','name':'Bob','requestId':42}",
                        "requestId: must be a string"),
                Arguments.of("{'action':'onJoin','room':'general','name':'Bob','requestId':{'id':'r1'}}",
                        "requestId: must be a string"),
                Arguments.of("{'action':'onJoin','room':'general','name':'Bob','requestId':'" + "r".repeat(65) + "'}",
                        "requestId: must be at most 64 characters"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("fieldErrors")
    void aWrongFieldIsRejectedWithABodyNamingIt(String singleQuotedFrame, String body) {
        assertThat(rejection(json(singleQuotedFrame))).isEqualTo(body);
    }

    @Test
    void anInvalidRequestIdIsNotEchoed() {
        DecodedFrame.Invalid invalid = decodesToInvalid(
                json("{'action':'onJoin','room':'general','name':'Bob','requestId':'" + "r".repeat(65) + "'}"));
        assertThat(invalid.requestId()).isEmpty();
    }

    @Test
    void aValidRequestIdIsEchoedEvenWhenTheRestOfTheFrameIsWrong() {
        DecodedFrame.Invalid invalid = decodesToInvalid(json("{'action':'nope','requestId':'r-7'}"));
        assertThat(invalid.requestId()).contains("r-7");
        assertThat(invalid.reply().body()).isEqualTo("action: unknown 'nope'");
    }

    @Test
    void aFrameThatCannotBeParsedHasNoRequestIdToEcho() {
        assertThat(decodesToInvalid(json("{'action':'onJoin','requestId':'r-8',")).requestId()).isEmpty();
    }
}
