package io.roomchat.adapter.jetty.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web client as a user sees it, through the stable hooks documented at the top of {@code app.js}. */
final class ChatPage {
    static final String DELETED_TEXT = "Message has been deleted.";
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration RECONNECT_PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    ChatPage(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, PATIENCE);
        wait.pollingEvery(Duration.ofMillis(50)).ignoring(StaleElementReferenceException.class);
    }

    ChatPage open(URI base) {
        driver.get(base.toString());
        return this;
    }

    void signIn(String userId, String name) {
        signIn(userId, name, "");
    }

    /** Dev sign-in as a moderator of the rooms the comma-separated patterns match. */
    void signIn(String userId, String name, String moderates) {
        driver.findElement(By.id("user-id-input")).sendKeys(userId);
        driver.findElement(By.id("display-name-input")).sendKeys(name);
        driver.findElement(By.id("moderates-input")).sendKeys(moderates);
        driver.findElement(By.id("sign-in-button")).click();
        waitUntilOnline();
    }

    /** Reloads the page, as a user pressing F5 would; the tab's session and rooms come back from sessionStorage. */
    void reload() {
        driver.navigate().refresh();
        waitUntilOnline();
    }

    /** The other way in: paste a token from any issuer the server trusts. */
    void signInWithToken(String token, String name) {
        driver.findElement(By.cssSelector("#token-sign-in summary")).click();
        driver.findElement(By.id("token-input")).sendKeys(token);
        driver.findElement(By.id("token-name-input")).sendKeys(name);
        driver.findElement(By.id("token-sign-in-button")).click();
        waitUntilOnline();
    }

    void waitUntilOnline() {
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=status]"), "data-state", "online"));
    }

    /** After a dropped connection: the page's next try may be up to its longest back-off (15 s, +20 % jitter) away. */
    void waitUntilOnlineAgain() {
        new WebDriverWait(driver, RECONNECT_PATIENCE).pollingEvery(Duration.ofMillis(50)).until(
                ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=status]"), "data-state", "online"));
    }

    void waitUntilReconnecting() {
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=status]"), "data-state",
                "reconnecting"));
    }

    /** Makes {@code POST /dev/token} fail in this browser (DevTools request blocking), so it cannot reconnect. */
    void blockSignIn(boolean blocked) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", blocked ? List.of("*/dev/token") : List.of()));
    }

    void join(String room) {
        WebElement input = driver.findElement(By.id("room-input"));
        input.sendKeys(room);
        driver.findElement(By.id("join-button")).click();
        waitUntilShowing(room);
    }

    private void waitUntilShowing(String room) {
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=room-title]"), "data-room", room));
        waitForHistory();
    }

    /** Leaves the shown room with the room bar's button; the page then shows the lobby. */
    void leave() {
        driver.findElement(By.id("leave-button")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=room-title]"), "data-room", "_lobby"));
        waitForHistory();
    }

    /** Leaves a room from its sidebar entry, and waits until the entry is gone. */
    void leaveFromSidebar(String room) {
        sidebarEntry(room).findElement(By.cssSelector("[data-testid=leave-room]")).click();
        wait.until(d -> !rooms().contains(room));
    }

    /** Shows a joined room by its sidebar entry. */
    void openRoom(String room) {
        sidebarEntry(room).findElement(By.cssSelector("[data-testid=open-room]")).click();
        waitUntilShowing(room);
    }

    /** Starts a direct conversation with a user id; answers the room the page opened. */
    String startDirectConversation(String userId) {
        String before = shownRoom();
        submitDirectConversation(userId);
        wait.until(d -> !shownRoom().equals(before));
        waitForHistory();
        return shownRoom();
    }

    /** Fills in and submits the direct-conversation form, waiting for nothing. */
    void submitDirectConversation(String userId) {
        WebElement input = driver.findElement(By.id("direct-input"));
        input.clear();
        input.sendKeys(userId);
        driver.findElement(By.id("direct-button")).click();
    }

    String shownRoom() {
        return driver.findElement(By.cssSelector("[data-testid=room-title]")).getAttribute("data-room");
    }

    /** The sidebar's rooms, in its order. */
    List<String> rooms() {
        return driver.findElements(By.cssSelector("[data-testid=room-list] [data-testid=room]")).stream()
                .map(e -> e.getAttribute("data-room"))
                .toList();
    }

    String roomLabel(String room) {
        return sidebarEntry(room).findElement(By.cssSelector("[data-testid=open-room]")).getText();
    }

    /** The unread badge of a room's sidebar entry: its count, and whether it is on screen at all. */
    int unread(String room) {
        WebElement badge = sidebarEntry(room).findElement(By.cssSelector("[data-testid=unread]"));
        int count = Integer.parseInt(badge.getAttribute("data-count"));
        if (badge.isDisplayed() != (count > 0)) {
            throw new AssertionError("the badge of " + room + " counts " + count + " but is "
                    + (badge.isDisplayed() ? "shown" : "hidden"));
        }
        return count;
    }

    void waitForUnread(String room, int count) {
        wait.until(d -> unread(room) == count);
    }

    /** The shown room's member list, by user id, as listed. */
    List<String> members() {
        return driver.findElements(By.cssSelector("[data-testid=member-list] [data-testid=member]")).stream()
                .map(e -> e.getAttribute("data-user-id"))
                .toList();
    }

    int memberCount() {
        return Integer.parseInt(driver.findElement(By.cssSelector("[data-testid=member-count]"))
                .getAttribute("data-count"));
    }

    /** Waits until the shown room lists exactly these users (in any order) and counts as many. */
    void waitForMembers(String... userIds) {
        List<String> expected = List.of(userIds).stream().sorted().toList();
        wait.until(d -> members().stream().sorted().toList().equals(expected) && memberCount() == userIds.length);
    }

    /** The typing line ("Bob is typing…"), or empty when it is hidden. */
    String typing() {
        WebElement line = driver.findElement(By.cssSelector("[data-testid=typing]"));
        return line.isDisplayed() ? line.getText() : "";
    }

    void waitForTyping(String text) {
        wait.until(d -> typing().equals(text));
    }

    /** Types into the message box without sending. */
    void type(String text) {
        driver.findElement(By.id("message-input")).sendKeys(text);
    }

    /** What the message box holds. */
    String draftText() {
        return driver.findElement(By.id("message-input")).getAttribute("value");
    }

    /**
     * Types into the message box, a letter at a time, until {@code reader} shows {@code expected} as its typing line:
     * the page sends at most one onTyping per 2 s, so how many letters that takes is not fixed.
     */
    void typeUntilSeen(ChatPage reader, String expected) {
        wait.until(d -> {
            type("a");
            return reader.typing().equals(expected);
        });
    }

    String postedAtOf(String messageId) {
        return message(messageId).getAttribute("data-posted-at");
    }

    void waitForNotice(String containing) {
        wait.until(d -> notices().stream().anyMatch(n -> n.contains(containing)));
    }

    /** Marks a message's list item, so a later check can tell whether the page drew the room anew. */
    void tag(String messageId) {
        driver.executeScript("arguments[0].dataset.probe = 'kept'", message(messageId));
    }

    boolean isTagged(String messageId) {
        return "kept".equals(message(messageId).getAttribute("data-probe"));
    }

    /** Whether the "Load older messages" button is offered. */
    boolean hasOlderMessages() {
        return driver.findElement(By.id("load-older-button")).isDisplayed();
    }

    List<String> notices() {
        return driver.findElements(By.cssSelector("[data-testid=notices] [data-testid=notice]")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /**
     * Types the text as a user would (Shift+Enter for each line break, Enter to send) and waits until the server
     * took it and the box is empty.
     */
    void send(String text) {
        WebElement input = driver.findElement(By.id("message-input"));
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            input.sendKeys(lines[i]);
            input.sendKeys(i < lines.length - 1 ? Keys.chord(Keys.SHIFT, Keys.ENTER) : Keys.ENTER);
        }
        wait.until(d -> input.getAttribute("value").isEmpty());
    }

    /**
     * Pastes {@code pasted} into the message box (a script, as typing thousands of keys is slow), then types
     * {@code typed} as keys; returns what the box holds. Does not send.
     */
    String draft(String pasted, String typed) {
        WebElement input = driver.findElement(By.id("message-input"));
        driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, pasted);
        input.sendKeys(typed);
        return input.getAttribute("value");
    }

    void clearDraft() {
        WebElement input = driver.findElement(By.id("message-input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    }

    String charCounter() {
        return driver.findElement(By.cssSelector("[data-testid=char-counter]")).getText();
    }

    /** Waits until a message with this text is on screen, and returns its id. */
    String waitForMessage(String text) {
        return wait.until(d -> messageWithText(text).map(m -> m.getAttribute("data-message-id")).orElse(null));
    }

    void waitForText(String messageId, String text) {
        wait.until(d -> text.equals(message(messageId).findElement(By.cssSelector("[data-testid=message-text]")).getText()));
    }

    void edit(String messageId, String newText) {
        message(messageId).findElement(By.cssSelector("[data-testid=edit-message]")).click();
        WebElement input = message(messageId).findElement(By.cssSelector("[data-testid=edit-input]"));
        input.clear();
        input.sendKeys(newText, Keys.ENTER);
        waitForText(messageId, newText);
    }

    void delete(String messageId) {
        message(messageId).findElement(By.cssSelector("[data-testid=delete-message]")).click();
        waitForText(messageId, DELETED_TEXT);
    }

    List<String> messageTexts() {
        return driver.findElements(By.cssSelector("#message-list [data-testid=message-text]")).stream()
                .map(WebElement::getText)
                .toList();
    }

    boolean isOwn(String messageId) {
        return message(messageId).getAttribute("class").contains("own");
    }

    boolean hasDeleteControl(String messageId) {
        return !message(messageId).findElements(By.cssSelector("[data-testid=delete-message]")).isEmpty();
    }

    /** The member list's user ids that carry a Kick action. */
    List<String> kickable() {
        return driver.findElements(By.cssSelector("[data-testid=member-list] [data-testid=member]")).stream()
                .filter(m -> !m.findElements(By.cssSelector("[data-testid=kick-member]")).isEmpty())
                .map(m -> m.getAttribute("data-user-id"))
                .toList();
    }

    void kick(String userId) {
        driver.findElement(By.cssSelector("[data-testid=member-list] [data-testid=member][data-user-id='" + userId
                + "'] [data-testid=kick-member]")).click();
    }

        boolean hasEditControls(String messageId) {
        return !message(messageId).findElements(By.cssSelector("[data-testid=edit-message]")).isEmpty();
    }

    boolean isEdited(String messageId) {
        return !message(messageId).findElements(By.cssSelector(".edited")).isEmpty();
    }

    /** Whether the browser made elements out of the text, which escaping must prevent. */
    boolean hasMarkupInside(String messageId) {
        return !message(messageId).findElements(By.cssSelector("[data-testid=message-text] *")).isEmpty();
    }

    String messageAuthor(String messageId) {
        return message(messageId).findElement(By.cssSelector("[data-testid=message-author]")).getText();
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    private void waitForHistory() {
        wait.until(ExpectedConditions.attributeToBe(By.id("message-scroller"), "aria-busy", "false"));
    }

    private WebElement sidebarEntry(String room) {
        return driver.findElement(By.cssSelector("[data-testid=room-list] [data-testid=room][data-room='" + room + "']"));
    }

    private WebElement message(String messageId) {
        return driver.findElement(By.cssSelector("li[data-testid=message][data-message-id='" + messageId + "']"));
    }

    private Optional<WebElement> messageWithText(String text) {
        return driver.findElements(By.cssSelector("li[data-testid=message]")).stream()
                .filter(m -> text.equals(m.findElement(By.cssSelector("[data-testid=message-text]")).getText()))
                .findFirst();
    }
}
