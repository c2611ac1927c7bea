package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class ReceiverTest {

    private static BenchText.Stamp message(int index, int sender, int seq) {
        return new BenchText.Stamp(index, sender, seq, 0);
    }

    private static BitSet indexes(int... indexes) {
        BitSet set = new BitSet();
        for (int index : indexes) {
            set.set(index);
        }
        return set;
    }

    @Test
    void counts_what_never_arrived_of_the_acknowledged_messages() {
        Receiver receiver = new Receiver(2);
        receiver.accept(message(0, 0, 0));
        receiver.accept(message(2, 0, 1));

        assertThat(receiver.missing(indexes(0, 1, 2, 3))).isEqualTo(2);
    }

    @Test
    void a_second_copy_is_a_duplicate_and_not_a_new_delivery() {
        Receiver receiver = new Receiver(1);

        assertThat(receiver.accept(message(5, 0, 0))).isTrue();
        assertThat(receiver.accept(message(5, 0, 0))).isFalse();
        assertThat(receiver.duplicates()).isEqualTo(1);
    }

    @Test
    void a_senders_earlier_message_after_its_later_one_is_out_of_order() {
        Receiver receiver = new Receiver(2);
        receiver.accept(message(0, 1, 1));
        receiver.accept(message(1, 0, 0));
        receiver.accept(message(2, 1, 0));

        assertThat(receiver.outOfOrder()).isEqualTo(1);
    }

    @Test
    void the_same_messages_in_another_order_leave_another_fingerprint() {
        Receiver first = new Receiver(2);
        Receiver second = new Receiver(2);
        first.accept(message(0, 0, 0));
        first.accept(message(1, 1, 0));
        second.accept(message(1, 1, 0));
        second.accept(message(0, 0, 0));

        assertThat(first.seen()).isEqualTo(second.seen());
        assertThat(first.orderHash()).isNotEqualTo(second.orderHash());
        assertThat(second.outOfOrder()).isZero();
    }
}
