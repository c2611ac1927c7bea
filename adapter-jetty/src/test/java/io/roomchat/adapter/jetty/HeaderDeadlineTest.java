package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection's header-deadline check must not outlive the connection: a check left waiting holds the whole
 * HTTP connection (parser, request, headers) in memory until its deadline, also after an upgrade.
 */
class HeaderDeadlineTest {
    /** Longer than any test waits: a check still pending at the end was not cancelled. */
    private static final Duration DEADLINE = Duration.ofHours(1);

    private final CountingScheduler checks = new CountingScheduler();
    private BareJetty server;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        server = new BareJetty(BareJetty.answering(200, request -> { }), connector -> {
            connector.addEventListener(new HeaderDeadline(checks, DEADLINE));
            connector.getServer().addBean(checks);
        });
        uri = server.uri("http");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void a_closed_connection_leaves_no_check_waiting() throws Exception {
        RawHttp.Answer answer = RawHttp.exchange(uri, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(checks.scheduled()).isEqualTo(1);
        Eventually.await(() -> checks.waiting() == 0);
        assertThat(checks.waiting()).isZero();
    }

    /** Counts the checks scheduled and those still waiting (neither run nor cancelled). */
    private static final class CountingScheduler extends ScheduledExecutorScheduler {
        private final AtomicInteger scheduled = new AtomicInteger();
        private final AtomicInteger waiting = new AtomicInteger();

        @Override
        public Task schedule(Runnable task, long delay, TimeUnit units) {
            AtomicBoolean settled = new AtomicBoolean();
            scheduled.incrementAndGet();
            waiting.incrementAndGet();
            Task inner = super.schedule(() -> {
                if (settled.compareAndSet(false, true)) {
                    waiting.decrementAndGet();
                }
                task.run();
            }, delay, units);
            return () -> {
                boolean cancelled = inner.cancel();
                if (cancelled && settled.compareAndSet(false, true)) {
                    waiting.decrementAndGet();
                }
                return cancelled;
            };
        }

        int scheduled() {
            return scheduled.get();
        }

        int waiting() {
            return waiting.get();
        }
    }
}
