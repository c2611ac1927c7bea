package io.roomchat.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupSyncTest {
    private final ExecutorService writers = Executors.newCachedThreadPool();
    private final CountDownLatch releaseFirstSync = new CountDownLatch(1);
    private final AtomicInteger syncs = new AtomicInteger();
    private final List<Thread> waiting = new ArrayList<>();
    /** What each completed sync reported: the writers it covered. */
    private final List<Long> reported = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopWriters() {
        writers.shutdownNow();
    }

    /** A sync that counts itself; the first one blocks until released, and fails when asked to. */
    private GroupSync groupSync(boolean firstFails) {
        return new GroupSync(() -> {
            if (syncs.incrementAndGet() == 1) {
                await(releaseFirstSync);
                if (firstFails) {
                    throw new IOException("disk full");
                }
            }
        }, (writes, nanos) -> {
            assertThat(nanos).isNotNegative();
            reported.add(writes);
        });
    }

    private Future<?> write(GroupSync durability) {
        return writers.submit(() -> {
            synchronized (waiting) {
                waiting.add(Thread.currentThread());
            }
            durability.awaitDurable();
            return null;
        });
    }

    @Test
    void a_lone_writer_syncs_for_itself() throws Exception {
        releaseFirstSync.countDown();
        GroupSync durability = groupSync(false);

        durability.awaitDurable();
        durability.awaitDurable();

        assertThat(syncs).hasValue(2);
        assertThat(reported).containsExactly(1L, 1L);
    }

    @Test
    void writers_that_commit_during_a_sync_share_the_next_one() throws Exception {
        GroupSync durability = groupSync(false);
        Future<?> first = write(durability);
        awaitSyncs(1);
        List<Future<?>> later = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            later.add(write(durability));
        }
        awaitAllWaiting(8);

        releaseFirstSync.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> writer : later) {
            writer.get(10, TimeUnit.SECONDS);
        }

        assertThat(syncs).as("one sync for the first writer, one for the seven that came during it").hasValue(2);
        // Each sync reports after it has let its writers go, outside the lock: the two reports may come in
        // either order.
        assertThat(reported).as("the writers each sync made durable").containsExactlyInAnyOrder(1L, 7L);
    }

    @Test
    void a_failed_sync_fails_its_writer_and_the_waiting_writers_sync_again() throws Exception {
        GroupSync durability = groupSync(true);
        Future<?> first = write(durability);
        awaitSyncs(1);
        Future<?> second = write(durability);
        awaitAllWaiting(2);

        releaseFirstSync.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("disk full");
        second.get(10, TimeUnit.SECONDS);
        assertThat(syncs).hasValue(2);
        assertThat(reported).as("the failed sync is not reported; the second covered both writers' commits")
                .containsExactly(2L);
    }

    private void awaitSyncs(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (syncs.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(syncs).hasValue(count);
    }

    /** Until every writer thread is blocked: the first in its sync, the others waiting for the next. */
    private void awaitAllWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            synchronized (waiting) {
                if (waiting.size() == count && waiting.stream().allMatch(t -> t.getState() == Thread.State.WAITING)) {
                    return;
                }
            }
            Thread.sleep(1);
        }
        throw new AssertionError("writers did not all block");
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
