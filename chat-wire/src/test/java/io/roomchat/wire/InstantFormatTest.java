package io.roomchat.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
    void theHandWrittenFormatAgreesWithJavaTimeOverTheWholeFourDigitRange() {
        DateTimeFormatter reference = new DateTimeFormatterBuilder().appendInstant(3).toFormatter(Locale.ROOT);
        long first = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        Random random = new Random(20261127);
        List<Instant> instants = new ArrayList<>(List.of(Instant.ofEpochMilli(first), Instant.ofEpochMilli(last),
                Instant.EPOCH, Instant.ofEpochMilli(-1), Instant.parse("2000-02-29T23:59:59.999Z"),
                Instant.ofEpochSecond(0, 999_999_999)));
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochMilli(first + (long) (random.nextDouble() * (last - first))));
            instants.add(Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertThat(InstantFormat.format(instant)).as("%s", instant).isEqualTo(reference.format(instant));
        }
    }

    @Test
    void yearsBeyondFourDigitsStillFormatAsJavaTimeDoes() {
        Instant farFuture = Instant.parse("+10000-01-01T00:00:00.5Z");

        assertThat(InstantFormat.format(farFuture)).isEqualTo("+10000-01-01T00:00:00.500Z");
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
