package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresenceLedgerTest {

    private static String presence(String event, String user) {
        return "{\"type\":\"presence\",\"room\":\"r\",\"event\":\"" + event + "\",\"userId\":\"" + user
                + "\",\"name\":\"" + user + "\"}";
    }

    @Test
    void counts_presence_joins_by_the_user_they_announce() {
        PresenceLedger ledger = new PresenceLedger();

        ledger.received("presence", presence("join", "u-1"));
        ledger.received("presence", presence("join", "u-1"));
        ledger.received("presence", presence("join", "u-2"));

        assertThat(ledger.joinsOf("u-1")).isEqualTo(2);
        assertThat(ledger.joinsOf("u-2")).isEqualTo(1);
        assertThat(ledger.joinsOf("u-3")).isZero();
    }

    @Test
    void leaves_and_other_events_are_not_joins() {
        PresenceLedger ledger = new PresenceLedger();

        ledger.received("presence", presence("leave", "u-1"));
        ledger.received("typing", "{\"type\":\"typing\",\"room\":\"r\",\"userId\":\"u-1\",\"name\":\"u-1\"}");
        ledger.received("presence", "{\"type\":\"presence\",\"room\":\"r\",\"event\":\"join\"}");

        assertThat(ledger.joinsOf("u-1")).isZero();
        assertThat(ledger.unkept()).isZero();
    }

    @Test
    void keeps_a_bounded_number_of_users_and_counts_the_rest_as_unkept() {
        PresenceLedger ledger = new PresenceLedger();
        for (int i = 0; i < PresenceLedger.MAX_USERS; i++) {
            ledger.received("presence", presence("join", "u-" + i));
        }

        ledger.received("presence", presence("join", "one-too-many"));
        ledger.received("presence", presence("join", "u-0"));

        assertThat(ledger.unkept()).isEqualTo(1);
        assertThat(ledger.joinsOf("one-too-many")).isZero();
        assertThat(ledger.joinsOf("u-0")).isEqualTo(2);
    }
}
