package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchProtocolTest {

    @Test
    void a_v2_reply_is_typed_and_its_status_read_after_the_type() {
        String reply = "{\"type\":\"reply\",\"statusCode\":200,\"body\":\"\",\"messageId\":\"m-1\",\"seq\":4}";

        assertThat(BenchProtocol.V2.replyStatus(reply)).isEqualTo(200);
        assertThat(BenchProtocol.V2.replyStatus("{\"type\":\"reply\",\"statusCode\":429,\"body\":\"x\"}"))
                .isEqualTo(429);
        assertThat(BenchProtocol.V1.replyStatus(reply)).isEqualTo(-1);
    }

    @Test
    void a_v2_event_is_not_a_reply_and_is_known_by_its_type() {
        String presence = "{\"type\":\"presence\",\"room\":\"r\",\"event\":\"join\",\"userId\":\"u\",\"name\":\"u\"}";

        assertThat(BenchProtocol.V2.replyStatus(presence)).isEqualTo(-1);
        assertThat(BenchProtocol.V2.eventType(presence)).isEqualTo("presence");
        assertThat(BenchProtocol.V2.eventType("{\"type\":\"typing\",\"room\":\"r\"}")).isEqualTo("typing");
    }

    @Test
    void v1_has_no_typed_events_and_offers_no_subprotocol() {
        assertThat(BenchProtocol.V1.eventType("{\"type\":\"presence\"}")).isNull();
        assertThat(BenchProtocol.V1.subprotocols()).isEmpty();
        assertThat(BenchProtocol.V2.subprotocols()).containsExactly("roomchat.v2");
    }

    @Test
    void a_frame_without_a_closed_type_has_none() {
        assertThat(BenchProtocol.V2.eventType("{\"type\":\"pres")).isNull();
        assertThat(BenchProtocol.V2.eventType("{\"room\":\"r\"}")).isNull();
    }

    @Test
    void reads_its_name_in_either_case_and_refuses_others() {
        assertThat(BenchProtocol.parse("V2")).isEqualTo(BenchProtocol.V2);
        assertThat(BenchProtocol.parse("v1")).isEqualTo(BenchProtocol.V1);
        assertThatThrownBy(() -> BenchProtocol.parse("v3")).hasMessage("--protocol must be v1 or v2: v3");
    }
}
