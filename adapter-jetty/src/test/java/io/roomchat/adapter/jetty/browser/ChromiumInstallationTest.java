package io.roomchat.adapter.jetty.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Finding the browser by the names each platform gives it; without one the test is skipped, or failed in CI. */
class ChromiumInstallationTest {
    @TempDir
    Path root;

    private Path executable(String directory, String name) throws IOException {
        Path file = Files.createDirectories(root.resolve(directory)).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void ubuntus_chromium_browser_and_a_driver_in_another_path_directory_are_found() throws IOException {
        Path browser = executable("snap-bin", "chromium-browser");
        Path driver = executable("local-bin", "chromedriver");

        ChromiumInstallation.Lookup lookup = ChromiumInstallation.find(
                List.of(root.resolve("empty"), root.resolve("snap-bin"), root.resolve("local-bin")));

        assertThat(lookup.browser()).contains(browser);
        assertThat(lookup.driver()).contains(driver);
        assertThat(ChromiumInstallation.requireOrSkip(lookup, Map.of()))
                .isEqualTo(new ChromiumInstallation(browser, driver));
    }

    @Test
    void the_first_path_directory_that_has_one_wins_and_a_file_that_is_not_executable_is_passed_over()
            throws IOException {
        Path first = executable("first", "chromium");
        executable("second", "chromium");
        Path notExecutable = Files.createDirectories(root.resolve("docs")).resolve("chromedriver");
        Files.writeString(notExecutable, "not a program");

        ChromiumInstallation.Lookup lookup = ChromiumInstallation.find(
                List.of(root.resolve("docs"), root.resolve("first"), root.resolve("second")));

        assertThat(lookup.browser()).contains(first);
        assertThat(lookup.driver()).isEmpty();
    }

    @Test
    void the_search_covers_the_path_then_debians_driver_directory_and_the_macos_application_bundles() {
        String path = String.join(File.pathSeparator, "/opt/bin", "", "/usr/bin");

        assertThat(ChromiumInstallation.searchDirectories(path)).startsWith(Path.of("/opt/bin"), Path.of("/usr/bin"))
                .contains(Path.of("/usr/lib/chromium"), Path.of("/Applications/Google Chrome.app/Contents/MacOS"),
                        Path.of("/Applications/Chromium.app/Contents/MacOS"));
        assertThat(ChromiumInstallation.searchDirectories(null)).isEqualTo(ChromiumInstallation.WELL_KNOWN_DIRECTORIES);
    }

    @Test
    void without_a_browser_the_test_is_skipped_naming_what_is_missing() {
        ChromiumInstallation.Lookup driverOnly = new ChromiumInstallation.Lookup(Optional.empty(),
                Optional.of(Path.of("/usr/bin/chromedriver")));

        assertThatThrownBy(() -> ChromiumInstallation.requireOrSkip(driverOnly, Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no Chromium on the PATH")
                .hasMessageContaining("apt-get install chromium chromium-driver");
    }

    @Test
    void where_ci_requires_the_browser_its_absence_fails_the_test() {
        ChromiumInstallation.Lookup nothing = new ChromiumInstallation.Lookup(Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> ChromiumInstallation.requireOrSkip(nothing, Map.of(ChromiumInstallation.REQUIRED, "1")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("no Chromium and no chromedriver")
                .hasMessageContaining("CHAT_REQUIRE_BROWSER=1");
    }
}
