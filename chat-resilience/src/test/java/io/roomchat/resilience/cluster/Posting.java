package io.roomchat.resilience.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.resilience.Eventually;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Members posting into a room side by side, each on a thread of its own, one message at a time paced within the
 * frame budget; records the {@code seq} of every post the server acknowledged (200). Any other answer fails that
 * member's posting, unless its connection is gone (a killed node): then it stops.
 */
final class Posting {
    /** Within the default frame budget (about 10 frames a second per connection). */
    static final long PACE_MILLIS = 120;

    final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    private final String room;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Future<Integer>> posters = new ArrayList<>();

    Posting(String room) {
        this.room = room;
    }

    /** {@code member} posts until {@link #stop()} or its connection ends. */
    Future<Integer> start(Member member) {
        return submit(() -> postUntil(member, stopped::get));
    }

    /** {@code member} posts {@code count} messages (fewer if its connection ends). */
    Future<Integer> start(Member member, int count) {
        AtomicInteger begun = new AtomicInteger();
        return submit(() -> postUntil(member, () -> begun.getAndIncrement() == count));
    }

    /** Stops every poster and waits for them; returns how many each posted, in the order they started. */
    List<Integer> stop() throws InterruptedException, ExecutionException, TimeoutException {
        stopped.set(true);
        List<Integer> posted = new ArrayList<>();
        try {
            for (Future<Integer> poster : posters) {
                posted.add(poster.get(1, TimeUnit.MINUTES));
            }
        } finally {
            threads.shutdownNow();
        }
        return posted;
    }

    private synchronized Future<Integer> submit(Callable<Integer> posting) {
        Future<Integer> poster = threads.submit(posting);
        posters.add(poster);
        return poster;
    }

    private int postUntil(Member member, BooleanSupplier stop) {
        int n = 0;
        while (!stop.getAsBoolean()) {
            n++;
            Optional<JsonNode> reply = member.post(room, member.userId + " says " + n);
            if (reply.isEmpty()) {
                return n - 1;
            }
            int status = reply.get().path("statusCode").asInt();
            if (status != 200) {
                throw new AssertionError(member + ": post " + n + " answered " + reply.get());
            }
            acknowledged.add(reply.get().path("seq").asLong());
            Eventually.sleep(PACE_MILLIS);
        }
        return n;
    }
}
