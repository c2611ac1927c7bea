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
        driver.findElement(By.id("user-id-input")).sendKeys(userId);
        driver.findElement(By.id("display-name-input")).sendKeys(name);
        driver.findElement(By.id("sign-in-button")).click();
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
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=room-title]"), "data-room", room));
        waitForHistory();
    }

    void leave() {
        driver.findElement(By.id("leave-button")).click();
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=room-title]"), "data-room", "_lobby"));
        waitForHistory();
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

    private WebElement message(String messageId) {
        return driver.findElement(By.cssSelector("li[data-testid=message][data-message-id='" + messageId + "']"));
    }

    private Optional<WebElement> messageWithText(String text) {
        return driver.findElements(By.cssSelector("li[data-testid=message]")).stream()
                .filter(m -> text.equals(m.findElement(By.cssSelector("[data-testid=message-text]")).getText()))
                .findFirst();
    }
}
