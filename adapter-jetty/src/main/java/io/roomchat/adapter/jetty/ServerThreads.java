package io.roomchat.adapter.jetty;

import java.time.Duration;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's thread pool for the sockets. Jetty starts a thread whenever a task arrives and no thread is idle, so a
 * burst of upgrades grows the pool to its maximum, and by default it sheds one idle thread per minute. Socket I/O
 * is non-blocking and frames are written by the writer threads, so a small pool does the work; the cap keeps a
 * connection storm from leaving hundreds of idle threads (each holding its touched stack, about 100 KiB, and a
 * share of malloc's arenas) behind, and idle threads leave together soon after the burst.
 */
final class ServerThreads {
    /** Enough for the blocking stores (an H2 post waits for its fsync on the thread that read it). */
    static final int DEFAULT_MAX = Math.max(32, 8 * Runtime.getRuntime().availableProcessors());
    private static final int MIN_THREADS = 8;
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);

    private ServerThreads() {
    }

    static QueuedThreadPool pool(int maxThreads) {
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(MIN_THREADS, maxThreads),
                (int) IDLE_TIMEOUT.toMillis());
        pool.setName("chat-http");
        pool.setMaxEvictCount(maxThreads);
        return pool;
    }
}
