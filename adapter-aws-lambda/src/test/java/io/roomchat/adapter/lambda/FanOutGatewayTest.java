package io.roomchat.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.roomchat.adapter.inmemory.InMemoryChat;
import io.roomchat.core.domain.ChatMessage;
import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomEvent;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.port.out.Announcement;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.core.port.out.FanoutReport;
import io.roomchat.testkit.Samples;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fan-out through the Management API: bounded concurrency, and 410 Gone removing exactly the stale record. */
class FanOutGatewayTest {
    private ManagementApiStub api;
    private final ConnectionStore connections = InMemoryChat.connectionStore();
    private final RoomName room = Samples.room();

    @BeforeEach
    void start() throws IOException {
        api = new ManagementApiStub();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void a_410_during_fan_out_removes_exactly_the_stale_connection() {
        List<ConnectionId> members = members(5);
        ConnectionId stale = members.get(2);
        api.markGone(stale.value());

        FanoutReport report = subscriber(8).onFanout(LambdaEvents.snsNotification(payload()));

        assertThat(report.delivered()).isEqualTo(4);
        assertThat(report.gone()).isEqualTo(1);
        assertThat(connections.find(stale)).isEmpty();
        assertThat(connections.inRoom(room)).extracting(Member::connectionId)
                .containsExactlyInAnyOrderElementsOf(members.stream().filter(id -> !id.equals(stale)).toList());
    }

    @Test
    void deliveries_run_concurrently_but_never_more_than_max_in_flight() {
        members(60);
        api.delayEachCall(20);

        FanoutReport report = subscriber(8).onFanout(LambdaEvents.snsNotification(payload()));

        assertThat(report.delivered()).isEqualTo(60);
        assertThat(api.mostCallsOpenAtOnce()).isBetween(2, 8);
    }

    private ServerlessChat subscriber(int maxInFlight) {
        return ServerlessChat.builder()
                .connectionStore(connections)
                .messageStore(InMemoryChat.messageStore())
                .readPositions(InMemoryChat.readPositions())
                .tokenVerifier(Chats.TOKENS)
                .managementApi(Chats::managementApi)
                .maxInFlight(maxInFlight)
                .snsFanout(new RecordingSns(), "arn:aws:sns:eu-west-2:123456789012:fanout")
                .build();
    }

    private List<ConnectionId> members(int count) {
        List<ConnectionId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Connection connection = Samples.connection(Samples.user());
            connections.add(connection);
            connections.switchTo(connection.id(), new Membership(room, new DisplayName("member " + i)));
            ids.add(connection.id());
        }
        return ids;
    }

    private String payload() {
        ChatMessage message = Samples.message(room, Samples.user(), Samples.T0);
        return SnsPayload.encode(Announcement.of(new RoomEvent.Message(message)), Optional.of(api.endpoint()));
    }
}
