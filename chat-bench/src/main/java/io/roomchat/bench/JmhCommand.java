package io.roomchat.bench;

import java.io.IOException;
import picocli.CommandLine.Command;

/**
 * {@code jmh [JMH options]}: the core's hot-path benchmarks (package {@code io.roomchat.bench.jmh}), run by JMH's
 * own command line, so every JMH option works ({@code jmh -h}, {@code jmh -f 1 -i 5 Fanout}).
 */
@Command(name = "jmh", description = "Runs the JMH benchmarks; every argument after 'jmh' goes to JMH (jmh -h).")
final class JmhCommand implements Runnable {

    static void run(String[] jmhArgs) throws IOException {
        org.openjdk.jmh.Main.main(jmhArgs);
    }

    @Override
    public void run() {
        // Only listed for --help: BenchMain hands 'jmh' to JMH before picocli sees it.
    }
}
