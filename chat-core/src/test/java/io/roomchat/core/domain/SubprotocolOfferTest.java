package io.roomchat.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubprotocolOfferTest {

    @Test
    void an_offer_of_roomchat_v2_among_others_is_v2_and_answered_with_it() {
        SubprotocolOffer offer = SubprotocolOffer.ofHeaders(List.of("chat.other, roomchat.v2 ,x"));

        assertThat(offer.protocol()).isEqualTo(Protocol.V2);
        assertThat(offer.accepted()).contains("roomchat.v2");
    }

    @Test
    void the_offer_may_come_in_several_header_lines() {
        assertThat(SubprotocolOffer.ofHeaders(List.of("a", "roomchat.v2")).protocol()).isEqualTo(Protocol.V2);
    }

    @Test
    void no_offer_or_only_other_subprotocols_is_v1_with_no_answer() {
        for (SubprotocolOffer offer : List.of(SubprotocolOffer.ofHeaders(List.of()),
                SubprotocolOffer.ofHeaders(Arrays.asList((String) null)),
                SubprotocolOffer.ofHeaders(List.of(" , ")),
                SubprotocolOffer.ofHeaders(List.of("roomchat.v3, ROOMCHAT.V2, roomchat.v2x")))) {
            assertThat(offer.protocol()).isEqualTo(Protocol.V1);
            assertThat(offer.accepted()).isEmpty();
        }
    }
}
