package io.roomchat.testkit;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** What the test clocks share: always UTC, as the chat's times are. */
abstract class UtcClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("always UTC");
    }
}
