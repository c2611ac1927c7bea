package io.roomchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WellFormedTextTest {

    @Test
    void surrogatePairsAreWellFormedAndKeptAsTheSameString() {
        String text = "plain, é, 😀 and 𝄞";
        assertThat(WellFormedText.isWellFormed(text)).isTrue();
        assertThat(WellFormedText.repaired(text)).isSameAs(text);
    }

    @Test
    void loneHighOrLowSurrogatesAnywhereAreNotWellFormed() {
        assertThat(WellFormedText.isWellFormed("\ud800")).isFalse();
        assertThat(WellFormedText.isWellFormed("end \ud83d")).isFalse();
        assertThat(WellFormedText.isWellFormed("\ude00 start")).isFalse();
        assertThat(WellFormedText.isWellFormed("reversed \ude00\ud83d pair")).isFalse();
    }

    @Test
    void repairReplacesEachLoneSurrogateAndKeepsPairs() {
        assertThat(WellFormedText.repaired("a\ud800b😀c\udc00\ud83d"))
                .isEqualTo("a\ufffdb😀c\ufffd\ufffd");
    }
}
