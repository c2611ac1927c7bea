package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunConditionsTest {

    @Test
    void takes_the_jvm_flags_up_to_the_jar_and_leaves_out_the_class_path() {
        String cmdline = String.join("\0", "/usr/bin/java", "-Xmx2g", "-cp", "a.jar:b.jar",
                "-XX:+UseSerialGC", "-jar", "chat-server.jar", "--port", "3101") + "\0";

        assertThat(RunConditions.jvmFlags(cmdline)).containsExactly("-Xmx2g", "-XX:+UseSerialGC");
    }

    @Test
    void stops_at_the_main_class() {
        String cmdline = String.join("\0", "java", "-Dx=1", "io.roomchat.Main", "-Xnot-a-jvm-flag");

        assertThat(RunConditions.jvmFlags(cmdline)).containsExactly("-Dx=1");
    }

    @Test
    void takes_the_launchers_option_variables_from_the_environment() {
        String environ = String.join("\0", "HOME=/root", "JDK_JAVA_OPTIONS=-Xmx1g -XX:+UseZGC", "JAVA_TOOL_OPTIONS=",
                "PATH=/bin") + "\0";

        assertThat(RunConditions.optionsFromEnvironment(environ)).containsExactly("JDK_JAVA_OPTIONS=-Xmx1g -XX:+UseZGC");
    }

    @Test
    void a_process_that_is_gone_has_no_flags() {
        assertThat(RunConditions.jvmFlags(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void this_processs_own_flags_are_readable() {
        assertThat(RunConditions.jvmFlags(ProcessHandle.current().pid())).isPresent();
    }
}
