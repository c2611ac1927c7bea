package io.roomchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantFormatTest {

    @Test
    void formatsUtcWithExactlyThreeFractionDigits() {
        assertThat(InstantFormat.format(Instant.parse("2026-11-27T18:38:45.123Z")))
                .isEqualTo("2026-11-27T18:38:45.123Z");
        assertThat(InstantFormat.format(Instant.parse("2026-11-27T18:38:45.12Z")))
                .isEqualTo("2026-11-27T18:38:45.120Z");
        assertThat(InstantFormat.format(Instant.parse("2026-11-27T18:38:45Z"))).isEqualTo("2026-11-27T18:38:45.000Z");
        assertThat(InstantFormat.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void formattingTruncatesBelowTheMillisecondAsTheStoresDo() {
        assertThat(InstantFormat.format(Instant.parse("2026-11-27T18:38:45.123999999Z")))
                .isEqualTo("2026-11-27T18:38:45.123Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T18:38:45Z", "2026-11-27T18:38:45.1Z", "2026-11-27T18:38:45.123Z",
            "2026-11-27T18:38:45.123456789Z", "2026-11-27T20:38:45.123+02:00", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z", "2026-11-27t18:38:45z"})
    void parsesIsoInstantsWithAnyFractionAnOffsetOrRfc3339LowerCase(String text) {
        assertThat(InstantFormat.parse(text)).isPresent();
    }

    @Test
    void parsingAnOffsetGivesTheSameInstantInUtc() {
        assertThat(InstantFormat.parse("2026-11-27T20:38:45.123+02:00"))
                .contains(Instant.parse("2026-11-27T18:38:45.123Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "now", "2026-11-27", "18:38:45Z", "2026-11-27T18:38:45", "2026-11-27 18:38:45Z",
            " 2026-11-27T18:38:45Z", "2026-11-27T18:38:45Z ", "2026-02-30T00:00:00Z",
            "2026-11-27T25:00:00Z", "2026-11-27T18:38:45.1234567890Z", "+10000-01-01T00:00:00Z",
            "-0001-01-01T00:00:00Z", "1764268725123", "2026-11-27T18:38:45.123Z2026-11-27T18:38:45.123Z"})
    void rejectsAnythingElse(String text) {
        assertThat(InstantFormat.parse(text)).isEmpty();
    }
}
