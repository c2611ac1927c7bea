package io.roomchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoedValueTest {

    @Test
    void aShortPrintableValueIsQuotedWhole() {
        assertThat(EchoedValue.quoted("onJoined")).isEqualTo("'onJoined'");
        assertThat(EchoedValue.quoted("")).isEqualTo("''");
        assertThat(EchoedValue.quoted("café 😀")).isEqualTo("'café 😀'");
    }

    @Test
    void aLongValueIsCutToThirtyTwoCharactersCountingCodePoints() {
        assertThat(EchoedValue.quoted("x".repeat(32))).isEqualTo("'" + "x".repeat(32) + "'");
        assertThat(EchoedValue.quoted("x".repeat(33))).isEqualTo("'" + "x".repeat(32) + "...'");
        assertThat(EchoedValue.quoted("😀".repeat(40))).isEqualTo("'" + "😀".repeat(32) + "...'");
    }

    @Test
    void controlInvisibleAndBrokenCharactersAreShownAsQuestionMarks() {
        assertThat(EchoedValue.quoted("a\u0000b\nc\u001b[31md\u200be\u2028f\ud800g\ue000h"))
                .isEqualTo("'a?b?c?[31md?e?f?g?h'");
    }
}
