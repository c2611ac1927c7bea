package io.roomchat.adapter.jetty.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.roomchat.testkit.protocol.WsTestClient;

/**
 * The bundled web page in real headless Chromium against the real server, started in-process in dev mode.
 * Screenshots land in {@code target/browser-artifacts/} for a person to look at.
 */
class WebClientBrowserTest {
    private static final Path ARTIFACTS = Path.of("target", "browser-artifacts");

    // Before each test, not all: Surefire reports a class skipped in @BeforeAll as no tests at all, without the reason.
    @BeforeEach
    void browserIsInstalled() {
        HeadlessChromium.requireInstalled();
    }

    @Test
    void twoPeopleChatEditAndDeleteLiveAndALateJoinerReadsTheHistory() throws Exception {
        try (DevServer server = DevServer.inMemory(0);
             HeadlessChromium aliceBrowser = HeadlessChromium.start();
             HeadlessChromium bobBrowser = HeadlessChromium.start()) {
            ChatPage alice = new ChatPage(aliceBrowser.driver()).open(server.pageUri());
            ChatPage bob = new ChatPage(bobBrowser.driver()).open(server.pageUri());
            alice.screenshot(ARTIFACTS.resolve("01-sign-in.png"));
            alice.signIn("alice", "Alice");
            bob.signIn("bob", "Bob");
            String room = "Release planning";
            alice.join(room);
            bob.join(room);

            assertThat(alice.draft("x".repeat(3_995), "0123456789")).as("typing stops at the limit").hasSize(4_000);
            assertThat(alice.charCounter()).isEqualTo("4000 / 4000");
            alice.clearDraft();
            assertThat(alice.charCounter()).isEqualTo("0 / 4000");

            alice.send("Hi Bob! Is the build green?");
            String hello = bob.waitForMessage("Hi Bob! Is the build green?");
            assertThat(bob.isOwn(hello)).as("Alice's message is not Bob's").isFalse();
            assertThat(bob.hasEditControls(hello)).as("no Edit/Delete on someone else's message").isFalse();
            assertThat(bob.messageAuthor(hello)).isEqualTo("Alice");

            String markup = "All green.\n<b>Not bold</b> & <script>alert(1)</script> stays text.";
            bob.send(markup);
            String reply = alice.waitForMessage(markup);
            assertThat(alice.hasMarkupInside(reply)).as("user text is rendered as text, never as HTML").isFalse();

            alice.send("Lunch at 12?");
            String lunch = alice.waitForMessage("Lunch at 12?");
            bob.waitForMessage("Lunch at 12?");
            alice.edit(lunch, "Lunch at 1?");
            bob.waitForText(lunch, "Lunch at 1?");
            assertThat(bob.isEdited(lunch)).isTrue();

            bob.send("Oops, wrong room");
            String oops = alice.waitForMessage("Oops, wrong room");
            bob.delete(oops);
            alice.waitForText(oops, ChatPage.DELETED_TEXT);

            alice.screenshot(ARTIFACTS.resolve("02-alice-chatting.png"));
            bob.screenshot(ARTIFACTS.resolve("03-bob-chatting.png"));
            List<String> conversation = List.of("Hi Bob! Is the build green?", markup, "Lunch at 1?",
                    ChatPage.DELETED_TEXT);
            assertThat(alice.messageTexts()).containsExactlyElementsOf(conversation);
            assertThat(bob.messageTexts()).containsExactlyElementsOf(conversation);

            try (HeadlessChromium carolBrowser = HeadlessChromium.start()) {
                ChatPage carol = new ChatPage(carolBrowser.driver()).open(server.pageUri());
                carol.signInWithToken(server.devToken("carol", "Carol"), "Carol");
                carol.join(room);
                assertThat(carol.messageTexts()).as("a late joiner reads the history")
                        .containsExactlyElementsOf(conversation);
                carol.screenshot(ARTIFACTS.resolve("04-carol-late-joiner.png"));
            }

            bob.leave();
            assertThat(bob.messageTexts()).as("the lobby is another room").isEmpty();
        }
    }

    /**
     * The H2 server restarts on the same data directory and port; while the page is still reconnecting, another
     * client posts, edits and deletes. The page resumes the room from the last seq it saw: each change shows once,
     * in place, and the room is not drawn anew.
     */
    @Test
    void aPageResumesAfterTheServerRestartsAndShowsWhatChangedWhileItWasAway(@TempDir Path dataDir) throws Exception {
        DevServer server = DevServer.h2(0, dataDir);
        int port = server.port();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            ChatPage dana = new ChatPage(browser.driver()).open(server.pageUri());
            dana.signIn("dana", "Dana");
            dana.join("ops");
            String deploy;
            String typo;
            try (WsTestClient erin = WsTestClient.connect(server.webSocketUri(), server.devToken("erin", "Erin"))) {
                assertThat(erin.join("ops", "Erin").get("statusCode").asInt()).isEqualTo(200);
                deploy = erin.post("ops", "Deploy at 5").get("messageId").asText();
                typo = erin.post("ops", "Tpyo in the runbook").get("messageId").asText();
            }
            dana.waitForMessage("Tpyo in the runbook");
            dana.send("Restarting the server now");
            dana.waitForMessage("Restarting the server now");
            dana.tag(deploy);

            // Held offline until Erin is done, so Dana can only learn of her changes by resuming.
            dana.blockSignIn(true);
            server.close();
            dana.waitUntilReconnecting();
            dana.screenshot(ARTIFACTS.resolve("05-reconnecting.png"));

            server = DevServer.h2(port, dataDir);
            try (WsTestClient erin = WsTestClient.connect(server.webSocketUri(), server.devToken("erin", "Erin"))) {
                assertThat(erin.join("ops", "Erin").get("statusCode").asInt()).isEqualTo(200);
                assertThat(erin.post("ops", "Posted while Dana was away").get("statusCode").asInt()).isEqualTo(200);
                assertThat(erin.request(WsTestClient.frame("onMessage").put("room", "ops").put("messageId", deploy)
                        .put("message", "Deploy at 6")).get("statusCode").asInt()).isEqualTo(200);
                assertThat(erin.request(WsTestClient.frame("onMessage").put("room", "ops").put("messageId", typo)
                        .put("isDeleted", true)).get("statusCode").asInt()).isEqualTo(200);
                assertThat(server.openConnections()).as("only Erin is connected: Dana missed every event").isEqualTo(1);
            }
            // A restarted dev server has a new secret: the page fetches a fresh token, re-joins and resumes.
            dana.blockSignIn(false);
            dana.waitUntilOnlineAgain();
            dana.waitForMessage("Posted while Dana was away");
            dana.waitForText(deploy, "Deploy at 6");
            dana.waitForText(typo, ChatPage.DELETED_TEXT);
            assertThat(dana.messageTexts()).as("every change once, in its place").containsExactly(
                    "Deploy at 6", ChatPage.DELETED_TEXT, "Restarting the server now", "Posted while Dana was away");
            assertThat(dana.isEdited(deploy)).isTrue();
            assertThat(dana.isTagged(deploy)).as("resumed in place, not reloaded").isTrue();
            dana.screenshot(ARTIFACTS.resolve("06-reconnected.png"));
        } finally {
            server.close();
        }
    }

    /** More than 500 changes while away are not resumed (the join says "recovered": false): the page reloads. */
    @Test
    void aPageThatMissedTooMuchReloadsTheRoomsNewestPage(@TempDir Path dataDir) throws Exception {
        Map<String, String> roomy = Map.of("CHAT_RATE_BURST", "1000");
        DevServer server = DevServer.h2(0, dataDir, roomy);
        int port = server.port();
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            ChatPage hal = new ChatPage(browser.driver()).open(server.pageUri());
            hal.signIn("hal", "Hal");
            hal.join("busy");
            hal.send("Back in a minute");
            hal.waitForMessage("Back in a minute");

            hal.blockSignIn(true);
            server.close();
            hal.waitUntilReconnecting();
            server = DevServer.h2(port, dataDir, roomy);
            List<String> posted = new ArrayList<>();
            try (WsTestClient ivy = WsTestClient.connect(server.webSocketUri(), server.devToken("ivy", "Ivy"))) {
                assertThat(ivy.join("busy", "Ivy").get("statusCode").asInt()).isEqualTo(200);
                for (int i = 1; i <= 501; i++) {   // sent without waiting for each reply, to keep the page's wait short
                    posted.add("busy " + i);
                    ivy.sendWithRequestId(WsTestClient.frame("onMessage").put("room", "busy").put("message", "busy " + i));
                }
                for (int i = 1; i <= 501; i++) {
                    assertThat(ivy.nextReply().get("statusCode").asInt()).isEqualTo(200);
                }
            }
            hal.blockSignIn(false);
            hal.waitUntilOnlineAgain();
            hal.waitForMessage("busy 501");
            assertThat(hal.messageTexts()).as("the newest page, read again").containsExactlyElementsOf(
                    posted.subList(posted.size() - 50, posted.size()));
            assertThat(hal.hasOlderMessages()).isTrue();
        } finally {
            server.close();
        }
    }

    @Test
    void thePageAsksForHistoryAndCountsCharactersByTheServersOwnLimits() throws Exception {
        try (DevServer server = DevServer.inMemory(0, Map.of("CHAT_HISTORY_PAGE_MAX", "20",
                "CHAT_MAX_MESSAGE_CHARS", "50", "CHAT_RATE_BURST", "100"));
             HeadlessChromium browser = HeadlessChromium.start()) {
            List<String> posted = new ArrayList<>();
            try (WsTestClient fay = WsTestClient.connect(server.webSocketUri(), server.devToken("fay", "Fay"))) {
                assertThat(fay.join("small", "Fay").get("statusCode").asInt()).isEqualTo(200);
                for (int i = 1; i <= 25; i++) {
                    posted.add("note " + i);
                    assertThat(fay.post("small", "note " + i).get("statusCode").asInt()).isEqualTo(200);
                }
            }
            ChatPage gus = new ChatPage(browser.driver()).open(server.pageUri());
            gus.signIn("gus", "Gus");
            gus.join("small");

            gus.waitForMessage("note 25");
            assertThat(gus.messageTexts()).as("one page of the server's size, the newest")
                    .containsExactlyElementsOf(posted.subList(5, 25));
            assertThat(gus.draft("x".repeat(45), "0123456789")).as("typing stops at the server's limit").hasSize(50);
            assertThat(gus.charCounter()).isEqualTo("50 / 50");
        }
    }
}
