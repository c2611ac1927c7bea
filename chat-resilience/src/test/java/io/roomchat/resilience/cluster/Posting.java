package io.roomchat.resilience.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.roomchat.resilience.Eventually;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Posts one message at a time from a member, paced within the frame budget, and records the {@code seq} of every
 * post the server acknowledged (200). Any other answer fails the posting, unless the connection is gone.
 */
final class Posting {
    /** Within the default frame budget (about 10 frames a second per connection). */
    static final long PACE_MILLIS = 120;

    final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();

    /** Posts {@code count} messages (fewer if the connection ends); returns how many it posted. */
    int postTimes(Member member, String room, int count) {
        AtomicInteger started = new AtomicInteger();
        return postUntil(member, room, () -> started.getAndIncrement() == count);
    }

    /** Posts until {@code stop} holds or the connection ends; returns how many it posted. */
    int postUntil(Member member, String room, BooleanSupplier stop) {
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
