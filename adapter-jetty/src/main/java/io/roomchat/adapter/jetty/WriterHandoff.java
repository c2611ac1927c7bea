package io.roomchat.adapter.jetty;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the connections a fan-out left with frames waiting to the writer threads in a few slices, one per writer
 * at most, instead of one task per connection: a fan-out to 1,000 members costs a couple of hand-offs and
 * wake-ups, not 1,000, and the writes still run on every core.
 *
 * <p>With a write delay, the hand-off of a large fan-out waits that long: the events that reach a connection
 * meanwhile join its queue and go out in the same write (one system call for a group of frames, where each would
 * take its own). A latency the reader does not notice, traded for CPU per delivery where deliveries are many
 * (docs/benchmarks.md). A fan-out to fewer than {@value #DELAYED_FAN_OUT} connections is handed over at once: its
 * few system calls cost little, and in small rooms the delay would be all the latency there is.
 */
final class WriterHandoff {
    /** Below this many connections per slice, another slice costs more (a hand-off, a wake-up) than it saves. */
    private static final int MIN_SLICE = 64;
    /** The smallest fan-out whose hand-off waits for the write delay. */
    static final int DELAYED_FAN_OUT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(WriterHandoff.class);

    private final Executor writers;
    private final int threads;
    private final ScheduledExecutorService timer;
    private final long delayNanos;

    WriterHandoff(Executor writers, int threads, ScheduledExecutorService timer, Duration writeDelay) {
        if (threads < 1) {
            throw new IllegalArgumentException("writer threads must be at least 1, was " + threads);
        }
        this.writers = writers;
        this.threads = threads;
        this.timer = timer;
        this.delayNanos = writeDelay.toNanos();
    }

    /** The threads that write the sockets' queued frames (see {@link OutboundQueue}). */
    Executor writers() {
        return writers;
    }

    /**
     * Writes each connection's queued frames on the writer threads, after the write delay if the event went to
     * {@code fanOut} connections, at least {@value #DELAYED_FAN_OUT}; every one in {@code waiting} was left waiting
     * for a writer, and the list is this hand-off's from now on.
     */
    void write(List<ClientConnection> waiting, int fanOut) {
        if (waiting.isEmpty()) {
            return;
        }
        if (delayNanos == 0 || fanOut < DELAYED_FAN_OUT) {
            handOff(waiting);
        } else {
            timer.schedule(() -> handOff(waiting), delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void handOff(List<ClientConnection> waiting) {
        int size = waiting.size();
        int slices = Math.min(threads, (size + MIN_SLICE - 1) / MIN_SLICE);
        for (int slice = 0; slice < slices; slice++) {
            List<ClientConnection> connections = waiting.subList(slice * size / slices, (slice + 1) * size / slices);
            writers.execute(() -> connections.forEach(WriterHandoff::writeQueued));
        }
    }

    private static void writeQueued(ClientConnection connection) {
        try {
            connection.writeQueued();
        } catch (RuntimeException failure) {
            // One broken socket must not keep the rest of its slice from being written.
            LOG.warn("writing to connection {} failed; dropping it", connection.id(), failure);
            connection.disconnect();
        }
    }
}
