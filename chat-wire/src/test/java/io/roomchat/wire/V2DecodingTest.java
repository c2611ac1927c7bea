package io.roomchat.wire;

import static io.roomchat.wire.Frames.CODEC;
import static io.roomchat.wire.Frames.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Protocol;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.in.ClientCommand;
import io.roomchat.core.port.in.JoinRoomCommand;
import io.roomchat.core.port.in.KickCommand;
import io.roomchat.core.port.in.LeaveRoomCommand;
import io.roomchat.core.port.in.MarkReadCommand;
import io.roomchat.core.port.in.PresenceQuery;
import io.roomchat.core.port.in.TypingCommand;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** v2's own actions and fields, read from a v2 connection's frames; to a v1 connection they do not exist. */
class V2DecodingTest {
    private static final RoomName GENERAL = new RoomName("general");

    private static ClientCommand v2(String singleQuoted) {
        DecodedFrame decoded = CODEC.decode(json(singleQuoted), Protocol.V2);
        assertThat(decoded).as(singleQuoted).isInstanceOf(DecodedFrame.Command.class);
        return ((DecodedFrame.Command) decoded).command();
    }

    private static String v2Rejection(String singleQuoted) {
        DecodedFrame decoded = CODEC.decode(json(singleQuoted), Protocol.V2);
        assertThat(decoded).as(singleQuoted).isInstanceOf(DecodedFrame.Invalid.class);
        assertThat(((DecodedFrame.Invalid) decoded).reply().status()).isEqualTo(Status.BAD_REQUEST);
        return ((DecodedFrame.Invalid) decoded).reply().body();
    }

    @Test
    void onLeaveNamesTheRoom() {
        assertThat(v2("{'action':'onLeave','room':'general'}")).isEqualTo(new LeaveRoomCommand(GENERAL));
    }

    @Test
    void onKickNamesTheRoomTheUserAndOptionalMinutes() {
        assertThat(v2("{'action':'onKick','room':'general','userId':'bob'}"))
                .isEqualTo(new KickCommand(GENERAL, new UserId("bob"), 0));
        assertThat(v2("{'action':'onKick','room':'general','userId':'bob','minutes':null}"))
                .isEqualTo(new KickCommand(GENERAL, new UserId("bob"), 0));
        assertThat(v2("{'action':'onKick','room':'general','userId':'bob','minutes':43200}"))
                .isEqualTo(new KickCommand(GENERAL, new UserId("bob"), 43_200));
    }

    @Test
    void onTypingNamesTheRoom() {
        assertThat(v2("{'action':'onTyping','room':'general'}")).isEqualTo(new TypingCommand(GENERAL));
    }

    @Test
    void onPresenceNamesTheRoom() {
        assertThat(v2("{'action':'onPresence','room':'general'}")).isEqualTo(new PresenceQuery(GENERAL));
    }

    @Test
    void onReadNamesTheRoomAndAMessagesPostedAt() {
        assertThat(v2("{'action':'onRead','room':'general','postedAt':'2026-11-27T18:38:45.123Z'}"))
                .isEqualTo(new MarkReadCommand(GENERAL, Instant.parse("2026-11-27T18:38:45.123Z")));
    }

    @Test
    void onJoinMayCarrySince() {
        assertThat(v2("{'action':'onJoin','room':'general','name':'Bob','since':42}"))
                .isEqualTo(new JoinRoomCommand(GENERAL, new DisplayName("Bob"), OptionalLong.of(42)));
        assertThat(v2("{'action':'onJoin','room':'general','name':'Bob','since':0}"))
                .isEqualTo(new JoinRoomCommand(GENERAL, new DisplayName("Bob"), OptionalLong.of(0)));
        assertThat(v2("{'action':'onJoin','room':'general','name':'Bob','since':null}"))
                .isEqualTo(new JoinRoomCommand(GENERAL, new DisplayName("Bob")));
    }

    @Test
    void theRequestIdIsReadAsInV1() {
        DecodedFrame decoded = CODEC.decode(json("{'action':'onTyping','room':'general','requestId':'r-9'}"),
                Protocol.V2);
        assertThat(decoded.requestId()).isEqualTo(Optional.of("r-9"));
    }

    static Stream<Arguments> v2FieldErrors() {
        return Stream.of(
                Arguments.of("{'action':'onLeave'}", "room: required"),
                Arguments.of("{'action':'onLeave','room':7}", "room: must be a string"),
                Arguments.of("{'action':'onLeave','room':''}", "room must be 1-128 characters"),
                Arguments.of("{'action':'onTyping'}", "room: required"),
                Arguments.of("{'action':'onTyping','room':['general']}", "room: must be a string"),
                Arguments.of("{'action':'onPresence'}", "room: required"),
                Arguments.of("{'action':'onPresence','room':true}", "room: must be a string"),
                Arguments.of("{'action':'onRead','postedAt':'2026-11-27T18:38:45.123Z'}", "room: required"),
                Arguments.of("{'action':'onRead','room':'general'}", "postedAt: required"),
                Arguments.of("{'action':'onRead','room':'general','postedAt':'yesterday'}",
                        "postedAt: not an ISO-8601 instant"),
                Arguments.of("{'action':'onRead','room':'general','postedAt':17}", "postedAt: must be a string"),
                Arguments.of("{'action':'onJoin','room':'general','name':'Bob','since':-1}",
                        "since: must be 0 or more"),
                Arguments.of("{'action':'onJoin','room':'general','name':'Bob','since':1.5}",
                        "since: must be an integer"),
                Arguments.of("{'action':'onJoin','room':'general','name':'Bob','since':'4'}",
                        "since: must be an integer"),
                Arguments.of("{'action':'onJoin','room':'general','name':'Bob','since':1e400}",
                        "since: must be an integer"),
                Arguments.of("{'action':'onJoin','room':'general','name':'Bob','since':99999999999999999999}",
                        "since: out of range"),
                Arguments.of("{'action':'onHistory','room':'general','before':'2026-11-27T18:38:45.123Z','since':3}",
                        "since: not allowed together with before"),
                Arguments.of("{'action':'onFly','room':'general'}", "action: unknown 'onFly'"),
                Arguments.of("{'action':'onKick','userId':'bob'}", "room: required"),
                Arguments.of("{'action':'onKick','room':'','userId':'bob'}", "room must be 1-128 characters"),
                Arguments.of("{'action':'onKick','room':'general'}", "userId: required"),
                Arguments.of("{'action':'onKick','room':'general','userId':7}", "userId: must be a string"),
                Arguments.of("{'action':'onKick','room':'general','userId':'   '}", "userId: must not be blank"),
                Arguments.of("{'action':'onKick','room':'general','userId':'a\\nb'}",
                        "userId: must not contain control characters"),
                Arguments.of("{'action':'onKick','room':'general','userId':'bob','minutes':-1}",
                        "minutes: must be 0-43200"),
                Arguments.of("{'action':'onKick','room':'general','userId':'bob','minutes':43201}",
                        "minutes: must be 0-43200"),
                Arguments.of("{'action':'onKick','room':'general','userId':'bob','minutes':1.5}",
                        "minutes: must be an integer"),
                Arguments.of("{'action':'onKick','room':'general','userId':'bob','minutes':'5'}",
                        "minutes: must be an integer"),
                Arguments.of("{'action':'onKick','room':'general','userId':'bob','minutes':99999999999}",
                        "minutes: out of range"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("v2FieldErrors")
    void aWrongFieldIsA400NamingIt(String frame, String body) {
        assertThat(v2Rejection(frame)).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"onLeave", "onTyping", "onPresence", "onRead", "onKick"})
    void v2ActionsAreUnknownToV1(String action) {
        String frame = json("{'action':'" + action + "','room':'general','postedAt':'2026-11-27T18:38:45.123Z'}");

        assertThat(Frames.rejection(frame)).isEqualTo("action: unknown '" + action + "'");
    }

    @Test
    void v1IgnoresSinceOnJoinAsAnyUnknownField() {
        assertThat(Frames.command(json("{'action':'onJoin','room':'general','name':'Bob','since':-1}")))
                .isEqualTo(new JoinRoomCommand(GENERAL, new DisplayName("Bob")));
    }
}
