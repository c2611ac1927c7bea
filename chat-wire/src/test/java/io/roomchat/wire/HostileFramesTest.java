package io.roomchat.wire;

import static io.roomchat.wire.Frames.CODEC;
import static io.roomchat.wire.Frames.command;
import static io.roomchat.wire.Frames.decodesToInvalid;
import static io.roomchat.wire.Frames.json;
import static io.roomchat.wire.Frames.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.Status;
import io.roomchat.core.port.in.JoinRoomCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Frames written to hurt: each is a 400 with a short body, never an exception, a stack overflow or a huge echo. */
class HostileFramesTest {
    private static final String TOO_BIG = "frame: too large or too deeply nested";

    @Test
    void oneHundredThousandOpeningBracketsAreRejectedBeforeParsing() {
        assertThat(rejection("[".repeat(100_000))).isEqualTo("frame: too large");
    }

    @Test
    void deepNestingWithinTheSizeBoundIsRejectedWithoutRecursingIntoIt() {
        assertThat(rejection("[".repeat(10_000))).isEqualTo(TOO_BIG);
        assertThat(rejection("{\"a\":".repeat(5_000))).isEqualTo("a: too large or too deeply nested");
    }

    @Test
    void anUnknownFieldNestedDeeperThanSixteenLevelsIsRejectedNamingTheField() {
        String deep = "[".repeat(16) + "]".repeat(16);
        assertThat(rejection(json("{'action':'onJoin','room':'general','name':'Bob','x':" + deep + "}")))
                .isEqualTo("x: too large or too deeply nested");
        assertThat(rejection(json("{'action':'onJoin','room':'general','name':'Bob','x\\n':" + deep + "}")))
                .isEqualTo("'x?': too large or too deeply nested");
    }

    @Test
    void anUnknownFieldNestedWithinTheDepthBoundIsIgnored() {
        String nested = "[".repeat(14) + "]".repeat(14);
        assertThat(command(json("{'action':'onJoin','room':'general','name':'Bob','x':" + nested + "}")))
                .isEqualTo(new JoinRoomCommand(new RoomName("general"), new DisplayName("Bob")));
    }

    @Test
    void aOneMegabyteStringIsRejectedAsTooLarge() {
        String huge = "x".repeat(1024 * 1024);
        assertThat(rejection(json("{'action':'onMessage','room':'general','message':'" + huge + "'}")))
                .isEqualTo("frame: too large");
    }

    @Test
    void aHugeNumberIsRejectedWithoutBeingParsedNamingItsField() {
        String digits = "9".repeat(1_000);
        assertThat(rejection(json("{'action':'onHistory','room':'general','limit':" + digits + "}")))
                .isEqualTo("limit: out of range");
        assertThat(rejection(json("{'action':'onHistory','room':'general','limit':" + "4".repeat(400) + "}")))
                .isEqualTo("limit: out of range");
        assertThat(rejection(json("{'action':'onJoin','room':'general','name':'Bob','x':" + digits + "}")))
                .isEqualTo("x: out of range");
        assertThat(rejection(json("{'action':'onJoin','room':'general','name':'Bob','x':[1," + digits + "]}")))
                .isEqualTo("x: out of range");
        assertThat(rejection(json("{'action':'onJoin','room':'general','name':'Bob','x':1" + "0".repeat(40) + "e5}")))
                .isEqualTo("x: out of range");
    }

    @Test
    void nanAndInfinityAreNotJson() {
        for (String notJson : List.of("NaN", "Infinity", "-Infinity", "+1", "0x10", "01")) {
            assertThat(rejection(json("{'action':'onHistory','room':'general','limit':" + notJson + "}")))
                    .as(notJson).isEqualTo("frame: malformed JSON");
        }
    }

    @Test
    void aDuplicateKeyIsRejectedNamingTheKey() {
        // Otherwise two parsers (a proxy, this codec) could each see a different room.
        assertThat(rejection(json("{'action':'onJoin','room':'a','room':'b','name':'Bob'}")))
                .isEqualTo("frame: duplicate key 'room'");
        assertThat(rejection(json("{'action':'onJoin','action':'onHistory','room':'a','name':'Bob'}")))
                .isEqualTo("frame: duplicate key 'action'");
    }

    @Test
    void aDuplicateKeyInsideAnIgnoredFieldIsRejectedToo() {
        assertThat(rejection(json("{'action':'onJoin','room':'a','name':'Bob','x':{'k':1,'k':2}}")))
                .isEqualTo("frame: duplicate key 'k'");
    }

    @Test
    void aHugeDuplicateKeyIsEchoedShortened() {
        String key = "k".repeat(200);
        assertThat(rejection(json("{'" + key + "':1,'" + key + "':2}")))
                .isEqualTo("frame: duplicate key '" + "k".repeat(32) + "...'");
    }

    @Test
    void anOverlongFieldNameIsRejected() {
        assertThat(rejection(json("{'action':'onJoin','" + "k".repeat(300) + "':1}"))).isEqualTo(TOO_BIG);
    }

    @Test
    void aHugeUnknownActionIsNotEchoedWhole() {
        String body = rejection(json("{'action':'" + "a".repeat(60_000) + "'}"));
        assertThat(body).isEqualTo("action: unknown '" + "a".repeat(32) + "...'");
    }

    @Test
    void binaryGarbageIsMalformedJson() {
        assertThat(rejection("\u0000\u0001\u0002\u00ff\ufffe")).isEqualTo("frame: malformed JSON");
        assertThat(rejection("\ufeff{\"action\":\"onJoin\"}")).isEqualTo("frame: malformed JSON");
        assertThat(rejection("{\"action\":\"onJoin\u0000\"}")).isEqualTo("frame: malformed JSON");
    }

    @Test
    void anEscapedLoneSurrogateIsRejectedNamingTheField() {
        assertThat(rejection(json("{'action':'onJoin','room':'\\ud800','name':'Bob'}")))
                .isEqualTo("room: must not contain unpaired surrogates");
        assertThat(rejection(json("{'action':'onMessage','room':'general','message':'hi \\udc00 there'}")))
                .isEqualTo("message: must not contain unpaired surrogates");
        assertThat(rejection(json("{'action':'onMessage','room':'general','message':'\\ud83d'}")))
                .isEqualTo("message: must not contain unpaired surrogates");
    }

    @Test
    void aRawLoneSurrogateIsRejectedNamingTheField() {
        assertThat(rejection("{\"action\":\"onJoin\",\"room\":\"general\",\"name\":\"B\ud800ob\"}"))
                .isEqualTo("name: must not contain unpaired surrogates");
    }

    @Test
    void aLoneSurrogateInTheRequestIdIsRejectedAndNotEchoed() {
        DecodedFrame.Invalid invalid = decodesToInvalid(json("{'action':'onJoin','requestId':'r\\udfff'}"));
        assertThat(invalid.reply().body()).isEqualTo("requestId: must not contain unpaired surrogates");
        assertThat(invalid.requestId()).isEmpty();
    }

    @Test
    void randomBytesNeverThrowAndAreFrameErrors() {
        Random random = new Random(20261127);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            String frame = new String(bytes, i % 2 == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
            assertThat(rejection(frame)).as("frame #%d", i).startsWith("frame: ");
        }
    }

    @Test
    void mutatedValidFramesNeverThrowAndAlwaysDecodeToACommandOrA400() {
        List<String> seeds = List.of(
                json("{'action':'onJoin','room':'general','name':'Bob','requestId':'r1'}"),
                json("{'action':'onMessage','room':'general','message':'hi','name':'Bob'}"),
                json("{'action':'onMessage','room':'general','message':'x','postedAt':'2026-11-27T18:38:45.123Z',"
                        + "'userId':'auth0|abc','isDeleted':true}"),
                json("{'action':'onHistory','room':'general','before':'2026-11-27T18:38:45.123Z','limit':20}"));
        String alphabet = "{}[]\":,\\ntrufalsenul0123456789.eE+-'\u0000\ud800\udc00\u00e9 ";
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder frame = new StringBuilder(seeds.get(i % seeds.size()));
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                int at = random.nextInt(frame.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> frame.setCharAt(at, c);
                    case 1 -> frame.insert(at, c);
                    default -> frame.deleteCharAt(at);
                }
            }
            DecodedFrame decoded = CODEC.decode(frame.toString());
            if (decoded instanceof DecodedFrame.Invalid invalid) {
                assertThat(invalid.reply().status()).isEqualTo(Status.BAD_REQUEST);
                assertThat(invalid.reply().body()).as(frame.toString()).isNotBlank().hasSizeLessThan(100)
                        .doesNotContain("could not be decoded");
            } else {
                assertThat(decoded).isInstanceOf(DecodedFrame.Command.class);
            }
        }
    }
}
