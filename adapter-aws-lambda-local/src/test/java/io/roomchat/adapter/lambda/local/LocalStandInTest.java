package io.roomchat.adapter.lambda.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.core.domain.Connection;
import io.roomchat.core.domain.ConnectionId;
import io.roomchat.core.domain.DisplayName;
import io.roomchat.core.domain.Member;
import io.roomchat.core.domain.Membership;
import io.roomchat.core.domain.RoomName;
import io.roomchat.core.domain.UserId;
import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.testkit.DynaliteServer;
import io.roomchat.testkit.protocol.WsTestClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;

/** What the stand-in does as API Gateway and SNS would, checked with real clients: WebSocket, and the AWS SDK's. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalStandInTest {
    @RegisterExtension
    static final DynaliteServer DYNALITE = new DynaliteServer();
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private LocalServerless local;
    private URI base;
    private SnsClient sns;
    private ApiGatewayManagementApiClient managementApi;

    @BeforeAll
    void start() throws Exception {
        local = StandIns.on(DYNALITE).start();
        base = URI.create("http://127.0.0.1:" + local.port());
        sns = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).endpointOverride(base).build();
        managementApi = ApiGatewayManagementApiClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).endpointOverride(base.resolve("/local"))
                .build();
    }

    @AfterAll
    void stop() throws Exception {
        sns.close();
        managementApi.close();
        local.close();
    }

    @Test
    void a_refused_token_refuses_the_upgrade_with_401() {
        int status = WsTestClient.refusedStatus(WsTestClient.withToken(local.webSocketUri(), "not-a-jwt"), Map.of());

        assertThat(status).isEqualTo(401);
    }

    @Test
    void a_bearer_header_opens_the_socket_too() {
        try (WsTestClient client = WsTestClient.connect(local.webSocketUri(),
                Map.of("Authorization", "Bearer " + StandIns.tokenFor("bearer-" + UUID.randomUUID())))) {
            assertThat(client.join("room-" + UUID.randomUUID(), "B").path("statusCode").asInt()).isEqualTo(200);
        }
    }

    @Test
    void a_frame_over_32_kib_closes_the_socket_with_1009() {
        try (WsTestClient client = WsTestClient.connect(local.webSocketUri(), StandIns.tokenFor("big"))) {
            client.sendText("{\"action\":\"onMessage\",\"message\":\"" + "x".repeat(33 * 1024) + "\"}");

            assertThat(client.awaitClose(WsTestClient.WAIT)).isEqualTo(1009);
        }
    }

    @Test
    void a_410_during_fan_out_removes_exactly_the_stale_connection() {
        String room = "room-" + UUID.randomUUID();
        ConnectionStore records = local.wiring().storage().connectionStore();
        ConnectionId stale = new ConnectionId("stale-" + UUID.randomUUID().toString().substring(0, 8) + "=");
        records.add(Connection.opened(stale, new UserId("ghost"), Instant.now()));
        records.switchTo(stale, new Membership(new RoomName(room), new DisplayName("Ghost")));
        try (WsTestClient alice = joined("alice", room); WsTestClient bob = joined("bob", room)) {

            assertThat(alice.post(room, "who is here?").path("statusCode").asInt()).isEqualTo(200);

            assertThat(alice.nextEvent().path("message").asText()).isEqualTo("who is here?");
            assertThat(bob.nextEvent().path("message").asText()).isEqualTo("who is here?");
            awaitRemoval(records, stale);
            assertThat(records.inRoom(new RoomName(room))).extracting(Member::userId)
                    .extracting(UserId::value).containsExactlyInAnyOrder("alice", "bob");
        }
    }

    @Test
    void the_management_api_describes_and_closes_a_connection_for_the_real_sdk_client() {
        String room = "room-" + UUID.randomUUID();
        try (WsTestClient alice = joined("alice", room)) {
            String id = records(room).get(0).connectionId().value();

            assertThat(managementApi.getConnection(request -> request.connectionId(id)).connectedAt()).isNotNull();
            managementApi.deleteConnection(request -> request.connectionId(id));

            assertThat(alice.awaitClose(WsTestClient.WAIT)).isEqualTo(1000);
            assertThatThrownBy(() -> managementApi.postToConnection(request -> request.connectionId(id)
                    .data(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{}"))))
                    .isInstanceOf(GoneException.class);
        }
    }

    @Test
    void the_sns_topic_accepts_the_sdks_publish_and_answers_with_a_message_id() {
        String messageId = sns.publish(request -> request.topicArn(LocalServerless.TOPIC_ARN).message("{\"v\":0}"))
                .messageId();

        assertThat(messageId).isNotBlank();
    }

    @Test
    void the_sns_topic_refuses_other_topics_and_actions_as_sns_does() {
        assertThatThrownBy(() -> sns.publish(request -> request
                .topicArn("arn:aws:sns:us-east-1:000000000000:nope").message("x")))
                .isInstanceOfSatisfying(SnsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound"));
        assertThatThrownBy(() -> sns.listTopics())
                .isInstanceOfSatisfying(SnsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAction"));
    }

    private WsTestClient joined(String user, String room) {
        WsTestClient client = WsTestClient.connect(local.webSocketUri(), StandIns.tokenFor(user));
        JsonNode reply = client.join(room, user);
        assertThat(reply.path("statusCode").asInt()).isEqualTo(200);
        return client;
    }

    private List<Member> records(String room) {
        return local.wiring().storage().connectionStore().inRoom(new RoomName(room));
    }

    /** The record goes once the fan-out, which runs after the sender's reply, has met the 410. */
    private static void awaitRemoval(ConnectionStore records, ConnectionId stale) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (records.find(stale).isPresent() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(records.find(stale)).as("the stale record").isEmpty();
    }
}
