package io.roomchat.adapter.jetty.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.testkit.protocol.WsTestClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol v2 in the bundled page, in real headless Chromium against the real server: several rooms at once with
 * unread badges, the member list, "… is typing", direct conversations and a moderator's delete and kick.
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

    @Test
    void aModeratorDeletesAnothersMessageAndAKickedUsersPageSaysWhyAndDropsTheRoom() throws Exception {
        // A namespaced claim name: the dev token must carry "moderates" under the name the server reads.
        try (DevServer server = DevServer.inMemory(0, Map.of("CHAT_MODERATOR_CLAIM", "https://example.com/mod"));
             HeadlessChromium miaBrowser = HeadlessChromium.start();
             HeadlessChromium bobBrowser = HeadlessChromium.start()) {
            ChatPage bob = new ChatPage(bobBrowser.driver()).open(server.pageUri());
            bob.signIn("bob", "Bob");
            bob.join("team-a");
            bob.send("buy cheap watches");
            String spam = bob.waitForMessage("buy cheap watches");
            ChatPage mia = new ChatPage(miaBrowser.driver()).open(server.pageUri());
            mia.signIn("mia", "Mia", "team-*, ops");
            mia.join("team-a");
            bob.waitForMembers("bob", "mia");
            mia.waitForMembers("bob", "mia");

            assertThat(mia.hasEditControls(spam)).as("a moderator may delete, never edit").isFalse();
            assertThat(mia.kickable()).as("Kick on others only").containsExactly("bob");
            assertThat(bob.kickable()).as("bob moderates nothing").isEmpty();
            mia.openRoom("_lobby");
            mia.waitForMembers("bob", "mia");
            assertThat(mia.kickable()).as("mia does not moderate the lobby").isEmpty();
            mia.openRoom("team-a");
            mia.delete(spam);
            bob.waitForText(spam, ChatPage.DELETED_TEXT);
            mia.screenshot(ARTIFACTS.resolve("13-moderator-deleted.png"));

            mia.kick("bob");
            bob.waitForNotice("You were removed from team-a by mia");
            assertThat(bob.rooms()).as("the room left the sidebar").containsExactly("_lobby");
            assertThat(bob.shownRoom()).isEqualTo("_lobby");
            mia.waitForMembers("mia");
            bob.screenshot(ARTIFACTS.resolve("14-kicked.png"));

            bob.reload();
            bob.waitForMembers("bob", "mia");   // the lobby's join reply: the page has joined again what it keeps
            assertThat(bob.rooms()).as("not joined again on reconnect").containsExactly("_lobby");
            assertThat(mia.members()).as("bob did not come back to team-a").containsExactly("mia");
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
