package io.roomchat.testkit.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The v2 negotiation as every binding must answer it, checked on the raw 101: {@code Sec-WebSocket-Protocol:
 * roomchat.v2} when the client offered it, on any of several header lines, and no such header without an offer or
 * for an offer of only other subprotocols.
 */
public final class SubprotocolHandshake {
    private static final String HEADER = "Sec-WebSocket-Protocol";

    private SubprotocolHandshake() {
    }

    /** {@code token} must be accepted: each of the three upgrades opens (and at once closes) a connection. */
    public static void assertNamesV2ExactlyWhenOffered(URI endpoint, String token) throws IOException {
        // roomchat.v2 first: a binding that kept only a header's last line would miss it.
        String offered = RawWebSocket.upgradeAnswer(endpoint, token,
                List.of(HEADER + ": roomchat.v2", HEADER + ": chat.other"));
        String none = RawWebSocket.upgradeAnswer(endpoint, token, List.of());
        String others = RawWebSocket.upgradeAnswer(endpoint, token, List.of(HEADER + ": roomchat.v3, chat.other"));

        assertThat(offered).startsWith("HTTP/1.1 101");
        assertThat(RawWebSocket.headerValues(offered, HEADER)).containsExactly("roomchat.v2");
        assertThat(none).startsWith("HTTP/1.1 101");
        assertThat(RawWebSocket.headerValues(none, HEADER)).isEmpty();
        assertThat(others).startsWith("HTTP/1.1 101");
        assertThat(RawWebSocket.headerValues(others, HEADER)).isEmpty();
    }
}
