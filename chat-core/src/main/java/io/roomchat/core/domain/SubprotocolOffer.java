package io.roomchat.core.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The WebSocket subprotocols a client offers in its upgrade ({@code Sec-WebSocket-Protocol}), and what the server
 * answers: {@value #V2} makes the connection v2 and is echoed back; anything else, or nothing, is v1 with no
 * subprotocol in the answer. One place for the negotiation every transport does.
 */
public record SubprotocolOffer(List<String> offered) {
    public static final String V2 = "roomchat.v2";
    /** The handshake header that carries the offer, and the answer. */
    public static final String HEADER = "Sec-WebSocket-Protocol";

    public SubprotocolOffer {
        offered = List.copyOf(Objects.requireNonNull(offered, "offered"));
    }

    /** From the header's value(s): comma-separated tokens, as one line or several; null or blank offers none. */
    public static SubprotocolOffer ofHeaders(Collection<String> headerValues) {
        return new SubprotocolOffer(headerValues.stream()
                .filter(Objects::nonNull)
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(token -> !token.isEmpty())
                .toList());
    }

    public Protocol protocol() {
        return offered.contains(V2) ? Protocol.V2 : Protocol.V1;
    }

    /** The subprotocol the upgrade's answer names, if any. */
    public Optional<String> accepted() {
        return protocol() == Protocol.V2 ? Optional.of(V2) : Optional.empty();
    }
}
