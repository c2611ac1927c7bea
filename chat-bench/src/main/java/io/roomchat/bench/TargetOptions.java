package io.roomchat.bench;

import java.net.URI;
import picocli.CommandLine.Option;

/** Where the server is and how to get tokens for it; shared by the load and memory commands. */
final class TargetOptions {
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

    Fleet.Target target() {
        URI uri = Loopback.requireLoopback(url);
        Tokens tokens = secret == null || secret.isEmpty() ? Tokens.devMode(uri) : Tokens.hs256(secret);
        String id = runId.isEmpty() ? Long.toString(System.currentTimeMillis() % 100_000_000L, 36) : runId;
        return new Fleet.Target(uri, tokens, Loopback.sources(sources), "bench-" + id + "-r", "bench-" + id + "-u");
    }
}
