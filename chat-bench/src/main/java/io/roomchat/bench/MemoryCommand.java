package io.roomchat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code memory}: what K idle, joined connections cost the server. Samples the server's heap (live, after a full
 * GC) and resident set before and after opening them, and prints the difference per connection, with the classes
 * that grew most.
 */
@Command(name = "memory", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Holds K idle joined connections and reports the server's heap and RSS per connection, "
                + "baseline subtracted. Needs the server's pid (jcmd and /proc on this machine).")
final class MemoryCommand implements Callable<Integer> {
    private static final Pattern HEALTH_CONNECTIONS = Pattern.compile("\"connections\"\\s*:\\s*(\\d+)");
    private static final int CLASSES_SHOWN = 12;
    /** Idle sockets cost the probe little (no traffic), so it holds more of them than {@code load} drives. */
    static final int MAX_CONNECTIONS = 60_000;

    @Mixin
    TargetOptions server = new TargetOptions();

    @Option(names = "--pid", required = true, description = "The server's process id")
    long pid;

    @Option(names = {"-c", "--connections"}, defaultValue = "10000", description = "Connections. Default: ${DEFAULT-VALUE}")
    int connections;

    @Option(names = {"-r", "--rooms"}, defaultValue = "1000", description = "Rooms. Default: ${DEFAULT-VALUE}")
    int rooms;

    @Option(names = "--settle", defaultValue = "5", description = "Seconds to wait with everyone joined before "
            + "sampling. Default: ${DEFAULT-VALUE}")
    int settleSeconds;

    @Option(names = "--warm-up", defaultValue = "100", description = "Connections opened, joined and closed after "
            + "the cold baseline, before a warm one is read (0: none). RSS and live heap per connection are reported "
            + "against both: the warm figures do not charge the first connection's one-off costs (JIT code, classes, "
            + "threads, lazily made caches) to the idle ones. Default: ${DEFAULT-VALUE}")
    int warmUp;

    @Override
    public Integer call() throws Exception {
        if (connections < 1 || connections > MAX_CONNECTIONS || rooms < 1 || rooms > connections) {
            throw new IllegalArgumentException("need 1 <= rooms <= connections <= " + MAX_CONNECTIONS);
        }
        if (warmUp < 0 || warmUp > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("need 0 <= warm-up <= " + MAX_CONNECTIONS);
        }
        Progress log = new Progress(System.err);
        ServerProbe probe = new ServerProbe(pid);
        Fleet.Target target = server.target();
        ServerProbe.Sample before = probe.sample();
        log.line("baseline: heap %d KiB live, RSS %d KiB", before.heapUsedKiB(), before.rssKiB());
        ServerProbe.Sample warm = warmUp == 0 ? before : warmed(target, probe, log);
        LoadStats stats = new LoadStats();
        ResultLine result = new ResultLine().put("label", "memory").put("connections", connections)
                .put("rooms", rooms);
        try (Fleet fleet = Fleet.open(target, connections, rooms, stats, log)) {
            Thread.sleep(settleSeconds * 1000L);
            ServerProbe.Sample held = probe.sample();
            long count = fleet.sockets().stream().filter(BenchSocket::hasJoined).count();
            long heapBytes = (held.heapUsedKiB() - before.heapUsedKiB()) * 1024;
            long rssBytes = (held.rssKiB() - before.rssKiB()) * 1024;
            long rssAfterGcBytes = (held.rssAfterGcKiB() - before.rssAfterGcKiB()) * 1024;
            log.line("held %d: heap %d KiB live (%d KiB committed), RSS %d KiB (%d KiB after a full GC), %d threads",
                    count, held.heapUsedKiB(), held.heapCommittedKiB(), held.rssKiB(), held.rssAfterGcKiB(),
                    held.threads());
            result.put("joined", count)
                    .put("serverConnections", serverConnections(target.uri()))
                    .put("heapBaselineKiB", before.heapUsedKiB())
                    .put("heapHeldKiB", held.heapUsedKiB())
                    .put("heapBytesPerConnection", count == 0 ? 0 : heapBytes / count)
                    .put("heapWarmBaselineKiB", warm.heapUsedKiB())
                    .put("heapBytesPerConnectionWarm",
                            count == 0 ? 0 : (held.heapUsedKiB() - warm.heapUsedKiB()) * 1024 / count)
                    .put("rssBaselineKiB", before.rssKiB())
                    .put("rssHeldKiB", held.rssKiB())
                    .put("rssBytesPerConnection", count == 0 ? 0 : rssBytes / count)
                    .put("warmUpConnections", warmUp)
                    .put("rssWarmBaselineKiB", warm.rssKiB())
                    .put("rssBytesPerConnectionWarm", count == 0 ? 0 : (held.rssKiB() - warm.rssKiB()) * 1024 / count)
                    .put("rssAfterGcBytesPerConnection", count == 0 ? 0 : rssAfterGcBytes / count)
                    .put("heapCommittedBaselineKiB", before.heapCommittedKiB())
                    .put("heapCommittedHeldKiB", held.heapCommittedKiB())
                    .put("threadsBaseline", before.threads())
                    .put("threadsHeld", held.threads())
                    .put("connectErrors", stats.connectErrors())
                    .put("topClassesBytesPerConnection", growth(before, held, count));
        }
        Thread.sleep(2000);
        ServerProbe.Sample after = probe.sample();
        result.put("heapAfterCloseKiB", after.heapUsedKiB()).put("serverConnectionsAfterClose",
                serverConnections(target.uri()));
        System.out.println(result);
        return 0;
    }

    /** The server after {@link #warmUp} connections have come, joined and gone: the warm baseline. */
    private ServerProbe.Sample warmed(Fleet.Target target, ServerProbe probe, Progress log) throws Exception {
        try (Fleet warming = Fleet.open(target, warmUp, Math.max(1, warmUp / 10), new LoadStats(), log)) {
            log.line("warm-up: %d connections joined", warming.sockets().size());
        }
        Thread.sleep(2000);
        ServerProbe.Sample warm = probe.sample();
        log.line("warm baseline: heap %d KiB live, RSS %d KiB", warm.heapUsedKiB(), warm.rssKiB());
        return warm;
    }

    /** The classes whose live bytes grew most, per connection. */
    private static Map<String, Long> growth(ServerProbe.Sample before, ServerProbe.Sample after, long count) {
        Map<String, Long> top = new LinkedHashMap<>();
        if (count == 0) {
            return top;
        }
        after.bytesByClass().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.bytesByClass().getOrDefault(e.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(CLASSES_SHOWN)
                .forEach(e -> top.put(e.getKey(), e.getValue() / count));
        return top;
    }

    /** The server's own count, from {@code GET /health}: it must match what this probe holds. */
    private static long serverConnections(URI webSocketUri) {
        URI health = URI.create(webSocketUri.toString().replaceFirst("^ws", "http")).resolve("/health");
        try {
            String body = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher found = HEALTH_CONNECTIONS.matcher(body);
            return found.find() ? Long.parseLong(found.group(1)) : -1;
        } catch (Exception unreachable) {
            return -1;
        }
    }
}
