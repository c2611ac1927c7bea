package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.MessageChange;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.testkit.Samples;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnsPayloadTest {

    private static Announcement of(ChatMessage message) {
        return Announcement.of(new RoomEvent.Message(message));
    }

    private static ChatMessage messageIn(SnsPayload.Published published) {
        return ((RoomEvent.Message) published.announcement().event()).message();
    }

    @Test
    void a_new_message_its_seq_and_its_endpoint_survive_the_trip() {
        ChatMessage message = Samples.message(Samples.room(), Samples.user(), Samples.T0, "héllo \"there\"\n😀")
                .withSeq(9_007_199_254_740_993L);
        URI endpoint = URI.create("https://abc.execute-api.eu-west-2.amazonaws.com/dev");

        SnsPayload.Published published = SnsPayload.decode(SnsPayload.encode(of(message), Optional.of(endpoint)));

        assertThat(messageIn(published)).isEqualTo(message);
        assertThat(published.callbackEndpoint()).contains(endpoint);
    }

    @Test
    void a_deleted_message_travels_without_text() {
        ChatMessage deleted = Samples.message(Samples.room(), Samples.user(), Samples.T0)
                .apply(new MessageChange.Erase(), Samples.T0.plusSeconds(5)).withSeq(2);

        String payload = SnsPayload.encode(of(deleted), Optional.empty());

        assertThat(payload).doesNotContain("hello at");
        SnsPayload.Published published = SnsPayload.decode(payload);
        assertThat(messageIn(published)).isEqualTo(deleted);
        assertThat(published.callbackEndpoint()).isEmpty();
    }

    @Test
    void a_payload_from_a_publisher_before_seqs_reads_as_seq_0() {
        ChatMessage message = Samples.message(Samples.room(), Samples.user(), Samples.T0).withSeq(5);
        String withoutSeq = SnsPayload.encode(of(message), Optional.empty()).replace(",\"seq\":5", "");

        assertThat(withoutSeq).doesNotContain("seq");
        assertThat(messageIn(SnsPayload.decode(withoutSeq))).isEqualTo(message.withSeq(0));
    }

    @Test
    void another_version_or_shape_is_refused_without_quoting_it() {
        assertThatThrownBy(() -> SnsPayload.decode("{\"v\":2,\"message\":{}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> SnsPayload.decode("{\"v\":1,\"message\":{\"room\":\"secret room\"}}"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("secret");
        assertThatThrownBy(() -> SnsPayload.decode("secret text"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("secret");
    }

    @Test
    void typing_travels_with_its_kind_origin_and_endpoint() {
        URI endpoint = URI.create("https://abc.execute-api.eu-west-2.amazonaws.com/dev");
        Announcement typing = Announcement.from(new ConnectionId("conn-1"),
                new RoomEvent.Typing(Samples.room(), Samples.user(), new DisplayName("Ada")));

        String payload = SnsPayload.encode(typing, Optional.of(endpoint));

        assertThat(payload).contains("\"kind\":\"typing\"").contains("\"origin\":\"conn-1\"");
        SnsPayload.Published published = SnsPayload.decode(payload);
        assertThat(published.announcement()).isEqualTo(typing);
        assertThat(published.callbackEndpoint()).contains(endpoint);
    }

    @Test
    void the_message_only_payload_of_the_previous_release_is_still_read() {
        ChatMessage message = Samples.message(Samples.room(), Samples.user(), Samples.T0).withSeq(3);
        String previous = SnsPayload.encode(of(message), Optional.empty()).replace("\"kind\":\"message\",", "");

        assertThat(previous).startsWith("{\"v\":1,\"message\":{");
        assertThat(messageIn(SnsPayload.decode(previous))).isEqualTo(message);
    }
}
