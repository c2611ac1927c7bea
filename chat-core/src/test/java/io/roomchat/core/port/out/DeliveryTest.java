package io.roomchat.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageId;
import io.roomchat.core.domain.MessageText;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeliveryTest {
    private final AtomicInteger encodings = new AtomicInteger();
    private final Delivery delivery = new Delivery(
            ChatMessage.posted(new MessageId("m-1"), new RoomName("café"), new UserId("u-1"),
                    new DisplayName("Zoë"), new MessageText("naïve ☕ text"), Instant.parse("2026-12-01T10:00:00Z")),
            message -> {
                encodings.incrementAndGet();
                return "{\"message\":\"" + message.text().value() + "\"}";
            });

    @Test
    void the_text_and_its_utf8_bytes_are_encoded_once_however_many_members_take_them() {
        for (int member = 0; member < 1_000; member++) {
            delivery.text();
            delivery.utf8();
        }

        assertThat(encodings).hasValue(1);
        assertThat(StandardCharsets.UTF_8.decode(delivery.utf8()).toString()).isEqualTo(delivery.text());
    }

    @Test
    void each_member_reads_its_own_buffer_over_the_shared_bytes() {
        ByteBuffer first = delivery.utf8();
        ByteBuffer second = delivery.utf8();

        first.get(new byte[first.remaining()]);

        assertThat(first.remaining()).isZero();
        assertThat(second.remaining()).isEqualTo(delivery.text().getBytes(StandardCharsets.UTF_8).length);
        assertThat(first.array()).isSameAs(second.array());
    }
}
