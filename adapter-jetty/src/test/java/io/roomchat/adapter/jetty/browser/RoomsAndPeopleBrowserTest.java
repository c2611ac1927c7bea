package io.roomchat.adapter.jetty.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.testkit.protocol.WsTestClient;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol v2 in the bundled page, in real headless Chromium against the real server: several rooms at once with
 * unread badges, the member list, "… is typing" and direct conversations.
 */
class RoomsAndPeopleBrowserTest {
    private static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

    @BeforeEach
    void browserIsInstalled() {
        HeadlessChromium.requireInstalled();
    }

    @Test
    void twoPeopleInTwoRoomsSeeUnreadCountsWhoIsThereAndWhoIsTyping() throws Exception {
        try (DevServer server = DevServer.inMemory(0);
             HeadlessChromium aliceBrowser = HeadlessChromium.start();
             WsTestClient carol = WsTestClient.connectV2(server.webSocketUri(), server.devToken("carol", "Carol"))) {
            assertThat(carol.join("design", "Carol").get("statusCode").asInt()).isEqualTo(200);
            ChatPage alice = new ChatPage(aliceBrowser.driver()).open(server.pageUri());
            alice.signIn("alice", "Alice");
            alice.join("design");
            alice.join("ops");
            assertThat(alice.rooms()).containsExactly("_lobby", "design", "ops");
            alice.waitForMembers("alice");

            try (HeadlessChromium bobBrowser = HeadlessChromium.start()) {
                ChatPage bob = new ChatPage(bobBrowser.driver()).open(server.pageUri());
                bob.signIn("bob", "Bob");
                bob.join("ops");
                bob.join("design");
                alice.waitForMembers("alice", "bob");

                bob.send("Design review at 3");
                bob.send("Bring the mock-ups");
                alice.waitForUnread("design", 2);
                assertThat(alice.unread("ops")).as("the shown room has nothing unread").isZero();
                assertThat(alice.messageTexts()).as("another room's messages stay out of view").isEmpty();
                alice.screenshot(ARTIFACTS.resolve("10-unread-badge.png"));

                alice.openRoom("design");
                assertThat(alice.messageTexts()).containsExactly("Design review at 3", "Bring the mock-ups");
                alice.waitForUnread("design", 0);
                String newest = bob.waitForMessage("Bring the mock-ups");
                JsonNode read = awaitEvent(carol, e -> "read".equals(e.path("type").asText())
                        && "alice".equals(e.path("userId").asText()));
                assertThat(read.get("postedAt").asText()).as("read up to the newest message, told to the server")
                        .isEqualTo(bob.postedAtOf(newest));
                alice.waitForMembers("alice", "bob", "carol");

                bob.type("On my way");
                bob.typeUntilSeen(alice, "Bob is typing…");
                alice.screenshot(ARTIFACTS.resolve("11-typing.png"));
                String onMyWay = bob.draftText();
                bob.send("");
                alice.waitForMessage(onMyWay);
                assertThat(alice.typing()).as("cleared by Bob's message").isEmpty();

                bob.typeUntilSeen(alice, "Bob is typing…");
                alice.waitForTyping("");
                assertThat(alice.messageTexts()).as("the typing line went on its own, nothing was sent")
                        .containsExactly("Design review at 3", "Bring the mock-ups", onMyWay);

                alice.leaveFromSidebar("ops");
                bob.openRoom("ops");
                bob.waitForMembers("bob");
            }
            // Bob closed his tab: his connection went, and with it his place in the member list.
            alice.waitForMembers("alice", "carol");
            alice.screenshot(ARTIFACTS.resolve("12-member-left.png"));
        }
    }

    @Test
    void aDirectConversationIsTheRoomNamedByBothUserIdsAscending() throws Exception {
        try (DevServer server = DevServer.inMemory(0);
             HeadlessChromium browser = HeadlessChromium.start()) {
            ChatPage bob = new ChatPage(browser.driver()).open(server.pageUri());
            bob.signIn("bob", "Bob");

            assertThat(bob.startDirectConversation("alice")).isEqualTo("dm:alice,bob");
            assertThat(bob.roomLabel("dm:alice,bob")).isEqualTo("@alice");
            assertThat(bob.startDirectConversation("zoe")).isEqualTo("dm:bob,zoe");

            bob.submitDirectConversation("bob");
            bob.waitForNotice("your own user id");
            assertThat(bob.shownRoom()).isEqualTo("dm:bob,zoe");
            assertThat(bob.rooms()).containsExactly("_lobby", "dm:alice,bob", "dm:bob,zoe");
        }
    }

    /** The next event that matches, skipping the others (presence, messages, someone else's read). */
    private static JsonNode awaitEvent(WsTestClient client, Predicate<JsonNode> wanted) {
        while (true) {
            JsonNode event = client.nextEvent();
            if (wanted.test(event)) {
                return event;
            }
        }
    }
}
