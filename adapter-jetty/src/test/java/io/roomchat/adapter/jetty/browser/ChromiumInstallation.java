package io.roomchat.adapter.jetty.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A Chromium (or Chrome) and its chromedriver, found on the {@code PATH} or where Debian, Ubuntu and macOS put
 * them. The paths are handed to Selenium so Selenium Manager never runs: no test may download a browser.
 */
record ChromiumInstallation(Path browser, Path driver) {
    /** Set to {@code 1} where the browser is installed on purpose ({@code .ci/run}): absence then fails the test. */
    static final String REQUIRED = "CHAT_REQUIRE_BROWSER";
    static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "Chromium", "Google Chrome");
    static final List<String> DRIVER_NAMES = List.of("chromedriver");
    /** Off the usual PATH: Debian's and Ubuntu's driver beside the browser, and macOS's application bundles. */
    static final List<Path> WELL_KNOWN_DIRECTORIES = List.of(Path.of("/usr/lib/chromium"),
            Path.of("/usr/lib/chromium-browser"), Path.of("/Applications/Chromium.app/Contents/MacOS"),
            Path.of("/Applications/Google Chrome.app/Contents/MacOS"));
    private static final String INSTALL_HINT = "Debian: apt-get install chromium chromium-driver; Ubuntu: "
            + "apt-get install chromium-browser chromium-chromedriver; macOS: brew install --cask chromium chromedriver";

    /** This machine's installation; the test is skipped (failed when {@value #REQUIRED}=1) when there is none. */
    static ChromiumInstallation requireOrSkip() {
        return requireOrSkip(find(searchDirectories(System.getenv("PATH"))), System.getenv());
    }

    static ChromiumInstallation requireOrSkip(Lookup lookup, Map<String, String> environment) {
        if (lookup.missing().isEmpty()) {
            return new ChromiumInstallation(lookup.browser().orElseThrow(), lookup.driver().orElseThrow());
        }
        String reason = "no " + String.join(" and no ", lookup.missing()) + " on the PATH nor in "
                + WELL_KNOWN_DIRECTORIES + " (" + INSTALL_HINT + ")";
        if ("1".equals(environment.get(REQUIRED))) {
            fail(reason + "; " + REQUIRED + "=1 says this machine must run the browser test");
        }
        return Assumptions.abort("browser test skipped: " + reason);
    }

    /** The PATH's directories, then the well-known ones. */
    static List<Path> searchDirectories(String path) {
        List<Path> directories = new ArrayList<>();
        for (String entry : (path == null ? "" : path).split(File.pathSeparator)) {
            try {
                if (!entry.isBlank()) {
                    directories.add(Path.of(entry));
                }
            } catch (InvalidPathException ignored) {
                // A malformed PATH entry cannot hold a browser.
            }
        }
        directories.addAll(WELL_KNOWN_DIRECTORIES);
        return directories;
    }

    static Lookup find(List<Path> directories) {
        return new Lookup(firstExecutable(directories, BROWSER_NAMES), firstExecutable(directories, DRIVER_NAMES));
    }

    private static Optional<Path> firstExecutable(List<Path> directories, List<String> names) {
        return directories.stream()
                .flatMap(directory -> names.stream().map(directory::resolve))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }

    /** What a search found: a browser, a driver, either, or neither. */
    record Lookup(Optional<Path> browser, Optional<Path> driver) {
        List<String> missing() {
            return Stream.of(browser.isEmpty() ? "Chromium" : null, driver.isEmpty() ? "chromedriver" : null)
                    .filter(name -> name != null)
                    .toList();
        }
    }
}
