package io.roomchat.bench;

import java.net.URI;
import java.util.List;
import picocli.CommandLine.Option;

/** Where the server is and how to get tokens for it; shared by the load and memory commands. */
final class TargetOptions {
    static final int MAX_TARGETS = 16;

    @Option(names = "--url", defaultValue = "ws://127.0.0.1:3001/", paramLabel = "WS_URL",
            description = "The server's WebSocket address; loopback only. Default: ${DEFAULT-VALUE}")
    URI url;

    @Option(names = "--secret", paramLabel = "SECRET", defaultValue = "${env:CHAT_JWT_SECRET}",
            description = "The server's HS256 secret, to mint one token per simulated user. "
                    + "Default: $CHAT_JWT_SECRET; without it, tokens come from POST /dev/token (dev mode)")
    String secret;

    @Option(names = "--sources", defaultValue = "1", paramLabel = "N",
            description = "Local source addresses to spread connections over (127.0.0.1..N), "
                    + "for more connections than one address has ephemeral ports. Default: ${DEFAULT-VALUE}")
    int sources;

    @Option(names = "--run-id", paramLabel = "ID", defaultValue = "",
            description = "Prefix of the room and user names (default: a fresh one per run), "
                    + "so runs against one server never share a room")
    String runId;

    /** The one server of {@code --url}. */
    Fleet.Target target() {
        return target(List.of());
    }

    /**
     * The servers of {@code targets} (the nodes of one cluster, sharing its secret and rooms), or the one of
     * {@code --url} when there are none. Dev-mode tokens come from the first.
     */
    Fleet.Target target(List<URI> targets) {
        if (targets.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("--target: at most " + MAX_TARGETS + " servers");
        }
        List<URI> uris = (targets.isEmpty() ? List.of(url) : targets).stream().map(Loopback::requireLoopback).toList();
        Tokens tokens = secret == null || secret.isEmpty() ? Tokens.devMode(uris.get(0)) : Tokens.hs256(secret);
        String id = runId.isEmpty() ? Long.toString(System.currentTimeMillis() % 100_000_000L, 36) : runId;
        return new Fleet.Target(uris, tokens, Loopback.sources(sources), "bench-" + id + "-r", "bench-" + id + "-u");
    }
}
