package io.roomchat.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code load}: N connections in R rooms post at a total rate for a while; every member counts what it receives.
 * Progress on stderr every few seconds, one JSON result line on stdout.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Opens N authenticated connections in R rooms, posts at a total rate, and measures "
                + "deliveries/s, send-to-receipt latency, loss, duplicates and order.")
final class LoadCommand implements Callable<Integer> {
    static final int MAX_CONNECTIONS = 20_000;
    static final int MAX_SECONDS = 600;
    static final double MAX_RATE = 100_000;
    /** The server's default frame budget per connection (docs/protocol.md): typing plus posts must stay under it. */
    static final double SERVER_FRAMES_PER_SECOND = 10;
    static final int MIN_TYPING_INTERVAL_MS = 100;
    static final int MAX_TYPING_INTERVAL_MS = 60_000;

    @Mixin
    TargetOptions server = new TargetOptions();

    @Option(names = "--target", split = ",", paramLabel = "WS_URL",
            description = "A server to connect to, instead of --url; repeat it (or give a comma-separated list) for "
                    + "the nodes of a cluster: connections are spread so that every room has members on every node")
    List<URI> targets = new ArrayList<>();

    @Option(names = "--protocol", defaultValue = "v1", converter = ProtocolConverter.class,
            description = "Wire protocol: v1, or v2 (offers the subprotocol roomchat.v2). Default: ${DEFAULT-VALUE}")
    BenchProtocol protocol;

    @Option(names = {"-c", "--connections"}, defaultValue = "100", description = "Connections. Default: ${DEFAULT-VALUE}")
    int connections;

    @Option(names = {"-r", "--rooms"}, defaultValue = "1", description = "Rooms. Default: ${DEFAULT-VALUE}")
    int rooms;

    @Option(names = "--rate", defaultValue = "10", description = "Posts per second, all rooms together. "
            + "Default: ${DEFAULT-VALUE}")
    double rate;

    @Option(names = {"-d", "--duration"}, defaultValue = "30", description = "Measured seconds. Default: ${DEFAULT-VALUE}")
    int durationSeconds;

    @Option(names = "--warmup", defaultValue = "5",
            description = "Seconds of posting before the measurement starts (not in the result's latencies). "
                    + "Default: ${DEFAULT-VALUE}")
    int warmupSeconds;

    @Option(names = "--message-size", defaultValue = "64", description = "Message text length. Default: ${DEFAULT-VALUE}")
    int messageSize;

    @Option(names = "--progress", defaultValue = "5", description = "Seconds between progress lines. "
            + "Default: ${DEFAULT-VALUE}")
    int progressSeconds;

    @Option(names = "--drain", defaultValue = "15", description = "Longest wait, after the last post, for "
            + "deliveries still owed. Default: ${DEFAULT-VALUE}")
    int drainSeconds;

    @Option(names = "--typing-interval", paramLabel = "MS", defaultValue = "0",
            description = "v2: every connection also sends onTyping for its room every MS milliseconds, the fleet's "
                    + "typing frames spread evenly over the interval, open-loop; 0: none. Default: ${DEFAULT-VALUE}")
    int typingIntervalMs;

    @Option(names = "--storm", paramLabel = "N", defaultValue = "0",
            description = "v2: after the warm-up, N more connections connect and join the rooms (spread as the "
                    + "fleet is) evenly over --storm-seconds, while posting goes on; they only listen. "
                    + "Default: ${DEFAULT-VALUE}")
    int storm;

    @Option(names = "--storm-seconds", paramLabel = "S", defaultValue = "10",
            description = "How long the join storm is spread over; at most --duration. Default: ${DEFAULT-VALUE}")
    int stormSeconds;

    @Option(names = "--presence-bound", paramLabel = "USERS", defaultValue = "200",
            description = "The server's presence bound (CHAT_PRESENCE_MAX_USERS): a presence join announced when "
                    + "the room already held this many users counts in presenceAfterBound. Default: ${DEFAULT-VALUE}")
    int presenceBound;

    @Option(names = "--label", defaultValue = "load", description = "A name for the run, echoed in the result")
    String label;

    @Option(names = "--server-pid", split = ",", description = "The server's pid, to report its CPU time "
            + "per delivery and its JVM flags (from /proc); repeat it for every node of a cluster; optional")
    List<Long> serverPids = new ArrayList<>();

    @Option(names = "--commit", description = "The commit measured, for the result line. Default: "
            + "git rev-parse --short HEAD in the working directory")
    String commit;

    private final Usage usage = new Usage();
    private boolean drained;

    /** CPU time and load over the measured window. */
    private static final class Usage {
        double serverFrom;
        double serverTo;
        double ownFrom;
        double ownTo;
        double loadFrom;
        double loadTo;
        Optional<StoreSyncs.Timed> syncsFrom = Optional.empty();
        Optional<StoreSyncs.Timed> syncsTo = Optional.empty();
    }

    /** Reads {@code --protocol}. */
    static final class ProtocolConverter implements CommandLine.ITypeConverter<BenchProtocol> {
        @Override
        public BenchProtocol convert(String value) {
            return BenchProtocol.parse(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        System.out.println(run());
        return 0;
    }

    /** Connects, measures and closes; the result line. */
    ResultLine run() throws Exception {
        validate();
        Fleet.Target target = server.target(targets);
        Progress log = new Progress(System.err);
        LoadStats stats = new LoadStats();
        try (Fleet fleet = Fleet.open(target, protocol, connections, rooms, stats, log)) {
            return measure(target, fleet, stats, log);
        }
    }

    private void validate() {
        if (connections < 1 || connections > MAX_CONNECTIONS) {
            throw new IllegalArgumentException("--connections must be 1.." + MAX_CONNECTIONS);
        }
        if (rooms < 1 || rooms > connections) {
            throw new IllegalArgumentException("--rooms must be 1..connections");
        }
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("--rate must be in (0, " + MAX_RATE + "]");
        }
        if (durationSeconds < 1 || warmupSeconds < 0 || durationSeconds + warmupSeconds > MAX_SECONDS) {
            throw new IllegalArgumentException("--warmup + --duration must be at most " + MAX_SECONDS + " s");
        }
        if (serverPids.stream().anyMatch(pid -> pid <= 0)) {
            throw new IllegalArgumentException("--server-pid must be a process id (1 or more)");
        }
        if (messageSize < 48 || messageSize > 4000) {
            throw new IllegalArgumentException("--message-size must be 48..4000");
        }
        validateTyping();
        validateStorm();
    }

    private void validateTyping() {
        if (typingIntervalMs == 0) {
            return;
        }
        if (protocol != BenchProtocol.V2) {
            throw new IllegalArgumentException("--typing-interval needs --protocol v2: onTyping is a v2 action");
        }
        if (typingIntervalMs < MIN_TYPING_INTERVAL_MS || typingIntervalMs > MAX_TYPING_INTERVAL_MS) {
            throw new IllegalArgumentException("--typing-interval must be 0 (none) or " + MIN_TYPING_INTERVAL_MS
                    + ".." + MAX_TYPING_INTERVAL_MS + " ms");
        }
        double perConnection = 1000.0 / typingIntervalMs + rate / connections;
        if (perConnection >= SERVER_FRAMES_PER_SECOND) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--typing-interval: %.1f typing "
                    + "and post frames per connection and second would reach the server's frame budget of %.0f/s "
                    + "(docs/protocol.md); type less often or post less", perConnection, SERVER_FRAMES_PER_SECOND));
        }
    }

    private void validateStorm() {
        if (storm == 0) {
            return;
        }
        if (storm < 0 || storm > MAX_CONNECTIONS - connections) {
            throw new IllegalArgumentException("--storm must be 0.." + (MAX_CONNECTIONS - connections)
                    + ": connections and storm together at most " + MAX_CONNECTIONS);
        }
        if (protocol != BenchProtocol.V2) {
            throw new IllegalArgumentException("--storm needs --protocol v2: presence is a v2 event");
        }
        if (stormSeconds < 1 || stormSeconds > durationSeconds) {
            throw new IllegalArgumentException("--storm-seconds must be 1..--duration: the storm runs within the "
                    + "measured window");
        }
        if (presenceBound < 1) {
            throw new IllegalArgumentException("--presence-bound must be 1 or more");
        }
    }

    private ResultLine measure(Fleet.Target target, Fleet fleet, LoadStats stats, Progress log)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(durationSeconds);
        stats.window(measureFrom, end);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ProgressLine progress = new ProgressLine(stats, fleet, log);
        ticker.scheduleAtFixedRate(progress::print, progressSeconds, progressSeconds, TimeUnit.SECONDS);
        Pacer pacer = new Pacer(fleet.rooms(), rate, messageSize);
        Thread.currentThread().setName("pacer");
        CpuClock cpu = new CpuClock(serverPids);
        ticker.schedule(() -> {
            usage.serverFrom = cpu.serverSeconds();
            usage.ownFrom = CpuClock.ownSeconds();
            usage.loadFrom = CpuClock.loadAverage();
            usage.syncsFrom = StoreSyncs.read(target.uris(), log);
        }, measureFrom - System.nanoTime(), TimeUnit.NANOSECONDS);
        ticker.schedule(() -> {
            usage.serverTo = cpu.serverSeconds();
            usage.ownTo = CpuClock.ownSeconds();
            usage.loadTo = CpuClock.loadAverage();
            usage.syncsTo = StoreSyncs.read(target.uris(), log);
        }, end - System.nanoTime(), TimeUnit.NANOSECONDS);
        Typist typist = typingIntervalMs == 0 ? null : new Typist(fleet.sockets(), typingIntervalMs);
        Thread typing = typist == null ? null : started("typist", () -> typist.run(start, end));
        Storm joinStorm = storm == 0 ? null : new Storm(fleet, stats, connections, storm, stormSeconds);
        Thread storming = joinStorm == null ? null : started("storm", () -> {
            try {
                joinStorm.run(measureFrom);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            pacer.run(start, end);
            await(typing);
            await(storming);
            drained = drain(fleet, stats, log);
            // The window's last readings (a slow server's /metrics among them) are in before the result is made.
            ticker.shutdown();
            ticker.awaitTermination(60, TimeUnit.SECONDS);
        } finally {
            stop(typing);
            stop(storming);
            ticker.shutdownNow();
        }
        if (joinStorm != null && joinStorm.firstFailure() != null) {
            log.firstFailure("storm join", joinStorm.firstFailure());
        }
        return result(target, fleet, stats, pacer, typist, joinStorm);
    }

    private static Thread started(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.start();
        return thread;
    }

    /** Waits for a helper thread (typist, storm) to finish its own bounded work. */
    private static void await(Thread helper) throws InterruptedException {
        if (helper != null) {
            helper.join();
        }
    }

    private static void stop(Thread helper) {
        if (helper != null && helper.isAlive()) {
            helper.interrupt();
        }
    }

    /** Waits until every frame was answered and every acknowledged message reached every receiver owed it. */
    private boolean drain(Fleet fleet, LoadStats stats, Progress log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
        while (System.nanoTime() < deadline) {
            boolean answered = stats.acks() + stats.refusalCount() >= stats.posts()
                    && stats.typingAnswers() >= stats.typingSent();
            if (answered && missing(fleet.rooms(), false) == 0) {
                return true;
            }
            Thread.sleep(50);
        }
        log.line("drain: gave up after %d s with replies or deliveries still owed: 'lost' counts them", drainSeconds);
        return false;
    }

    /** Deliveries owed: each acknowledged message to each joined receiver, from its join on. */
    private static long owed(List<Room> rooms) {
        long owed = 0;
        for (Room room : rooms) {
            for (BenchSocket receiver : room.receivers()) {
                if (receiver.hasJoined()) {
                    owed += room.acknowledgedFrom(receiver.firstOwedIndex()).cardinality();
                }
            }
        }
        return owed;
    }

    /** Owed deliveries that have not arrived: every receiver's, or the latecomers' only. */
    private static long missing(List<Room> rooms, boolean latecomersOnly) {
        long missing = 0;
        for (Room room : rooms) {
            for (BenchSocket receiver : latecomersOnly ? room.latecomers() : room.receivers()) {
                if (receiver.hasJoined()) {
                    missing += receiver.receiver().missing(room.acknowledgedFrom(receiver.firstOwedIndex()));
                }
            }
        }
        return missing;
    }

    /** Distinct messages the storm's listeners received, before their join reply or after. */
    private static long stormReceived(Fleet fleet) {
        return fleet.latecomers().stream().mapToLong(latecomer -> latecomer.receiver().seen().cardinality()).sum();
    }

    /**
     * Presence joins received for users who joined when the room already held at least the bound of users, by the
     * join replies' member counts: the server must announce none of those (docs/benchmarks.md, join storm).
     */
    private long presenceAfterBound(Fleet fleet, LoadStats stats) {
        long past = 0;
        for (Room room : fleet.rooms()) {
            for (BenchSocket socket : room.receivers()) {
                if (socket.sizeBeforeJoin() >= presenceBound) {
                    past += stats.presence().joinsOf(socket.name());
                }
            }
        }
        return past;
    }

    private ResultLine result(Fleet.Target target, Fleet fleet, LoadStats stats, Pacer pacer, Typist typist,
            Storm joinStorm) {
        long duplicated = 0;
        long outOfOrder = 0;
        long roomOrder = 0;
        for (Room room : fleet.rooms()) {
            for (BenchSocket receiver : room.receivers()) {
                if (receiver.hasJoined()) {
                    duplicated += receiver.receiver().duplicates();
                    outOfOrder += receiver.receiver().outOfOrder();
                }
            }
            roomOrder += room.membersOutOfRoomOrder();
        }
        Histogram latency = stats.measuredLatency();
        ResultLine line = new ResultLine()
                .put("label", label)
                .put("commit", commit == null ? RunConditions.gitCommit() : commit)
                .put("serverJvmFlags", serverJvmFlags())
                .put("protocol", protocol.label())
                .put("servers", target.uris().stream().map(URI::toString).toList())
                .put("connections", connections)
                .put("connected", fleet.connected())
                .put("connectedPerServer", fleet.connectedPerServer())
                .put("rooms", rooms)
                .put("ratePerSecond", rate)
                .put("warmupSeconds", warmupSeconds)
                .put("durationSeconds", durationSeconds)
                .put("messageSize", messageSize)
                .put("posts", stats.posts())
                .put("acknowledged", stats.acks())
                .put("refused", stats.refusals())
                .put("sendFailures", stats.sendFailures())
                .put("deliveries", stats.deliveries())
                .put("expectedDeliveries", owed(fleet.rooms()))
                .put("deliveriesPerSecond", Math.round(stats.windowDeliveries() / (double) durationSeconds))
                .putLatency("latencyMs", latency)
                .putLatency("ackLatencyMs", stats.measuredAckLatency())
                .put("drained", drained)
                .put("lost", missing(fleet.rooms(), false))
                .put("duplicated", duplicated)
                .put("outOfOrder", outOfOrder)
                .put("roomOrderViolations", roomOrder)
                .put("connectErrors", stats.connectErrors())
                .put("closedDuringRun", stats.closedDuringRun())
                .put("closeCodes", stats.closeCodes())
                .put("foreignFrames", stats.foreignFrames())
                .put("otherEvents", stats.events())
                .put("pacerMaxLagMs", pacer.maxLagNanos() / 1_000_000.0)
                .put("serverCpuSeconds", round3(usage.serverTo - usage.serverFrom))
                .put("serverCpuMicrosPerDelivery", round3(perDelivery(usage.serverTo - usage.serverFrom, stats)))
                .put("clientCpuSeconds", round3(usage.ownTo - usage.ownFrom))
                .put("clientCpuMicrosPerDelivery", round3(perDelivery(usage.ownTo - usage.ownFrom, stats)))
                .put("loadAverage", new double[] {round3(usage.loadFrom), round3(usage.loadTo)})
                .put("typingIntervalMs", typingIntervalMs)
                .put("typingSent", stats.typingSent())
                .put("typingAcknowledged", stats.typingAcks())
                .put("typingRefused", stats.typingRefusals())
                .put("typingEvents", stats.events().getOrDefault("typing", 0L))
                .put("typingMaxLagMs", typist == null ? 0 : typist.maxLagNanos() / 1_000_000.0)
                .put("storm", storm)
                .put("stormSeconds", joinStorm == null ? 0 : stormSeconds)
                .put("stormJoined", joinStorm == null ? 0 : joinStorm.joined())
                .put("stormFailed", joinStorm == null ? 0 : joinStorm.failed())
                .put("stormTookSeconds", joinStorm == null ? 0 : round3(joinStorm.tookSeconds()))
                .putLatency("stormLatencyMs", stats.stormLatency())
                .putLatency("stormAckLatencyMs", stats.stormAckLatency())
                .put("stormReceived", stormReceived(fleet))
                .put("stormLost", missing(fleet.rooms(), true))
                .put("presenceBound", presenceBound)
                .put("presenceEvents", stats.events().getOrDefault("presence", 0L))
                .put("presenceAfterBound", presenceAfterBound(fleet, stats))
                .put("presenceUnkept", stats.presence().unkept());
        if (usage.syncsFrom.isPresent() && usage.syncsTo.isPresent()) {
            // Only servers on H2 count syncs: the field is there when every server did.
            line.put("storeSyncs", StoreSyncs.between(usage.syncsFrom.get(), usage.syncsTo.get()));
        }
        return line;
    }

    /** Each server process's JVM flags, by pid; null for a pid whose command line cannot be read. */
    private Map<Long, List<String>> serverJvmFlags() {
        Map<Long, List<String>> flags = new LinkedHashMap<>();
        for (long pid : serverPids) {
            flags.put(pid, RunConditions.jvmFlags(pid).orElse(null));
        }
        return flags;
    }

    private static double perDelivery(double cpuSeconds, LoadStats stats) {
        long deliveries = stats.windowDeliveries();
        return deliveries == 0 ? Double.NaN : cpuSeconds * 1e6 / deliveries;
    }

    private static double round3(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value * 1000) / 1000.0;
    }
}
