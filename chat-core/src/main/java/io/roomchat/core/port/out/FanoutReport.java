package io.roomchat.core.port.out;

/** How one event's fan-out to a room ended, counted by delivery status. */
public record FanoutReport(int delivered, int gone, int failed) {
    public int recipients() {
        return delivered + gone + failed;
    }
}
