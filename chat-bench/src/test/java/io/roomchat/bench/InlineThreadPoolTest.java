package io.roomchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InlineThreadPoolTest {
    private final InlineThreadPool pool = InlineThreadPool.named("inline-test", 4, 0);

    @BeforeEach
    void start() throws Exception {
        pool.start();
    }

    @AfterEach
    void stop() throws Exception {
        pool.stop();
    }

    @Test
    void a_job_from_outside_runs_on_a_pool_thread_and_one_handed_over_by_a_pool_thread_runs_on_that_thread()
            throws Exception {
        CompletableFuture<Thread> outer = new CompletableFuture<>();
        CompletableFuture<Thread> inner = new CompletableFuture<>();
        pool.execute(() -> {
            outer.complete(Thread.currentThread());
            pool.execute(() -> inner.complete(Thread.currentThread()));
        });

        Thread poolThread = outer.get(5, TimeUnit.SECONDS);
        assertThat(poolThread).isNotSameAs(Thread.currentThread());
        assertThat(poolThread.getName()).startsWith("inline-test");
        assertThat(inner.get(5, TimeUnit.SECONDS)).isSameAs(poolThread);
    }

    @Test
    void a_failing_job_run_in_place_is_reported_and_the_handing_job_carries_on() throws Exception {
        CompletableFuture<Throwable> reported = new CompletableFuture<>();
        CompletableFuture<Boolean> carriedOn = new CompletableFuture<>();
        pool.execute(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((thread, failure) -> reported.complete(failure));
            pool.execute(() -> {
                throw new IllegalStateException("broken job");
            });
            carriedOn.complete(true);
        });

        assertThat(carriedOn.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(reported.get(5, TimeUnit.SECONDS)).hasMessage("broken job");
    }
}
