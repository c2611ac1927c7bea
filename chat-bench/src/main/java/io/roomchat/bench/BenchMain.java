package io.roomchat.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar chat-bench.jar load|memory|disk-load|jmh ...}. */
@Command(name = "chat-bench", mixinStandardHelpOptions = true, version = "roomchat chat-bench 0.1.0",
        subcommands = {LoadCommand.class, MemoryCommand.class, DiskLoadCommand.class, JmhCommand.class},
        description = "Measures a roomchat server on this machine (docs/benchmarks.md).")
public final class BenchMain implements Runnable {

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("jmh")) {
            // JMH parses its own options (-f, -wi, -i, ...); picocli would take them for its own.
            JmhCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
