package io.roomchat.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** The tools only ever load a server on this machine: the target and every source address must be loopback. */
final class Loopback {
    static final int MAX_SOURCES = 250;

    private Loopback() {
    }

    static URI requireLoopback(URI target) {
        try {
            if (target.getHost() == null || !InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
                throw new IllegalArgumentException("a server address (--url, --target) must name a loopback address (127.0.0.1, localhost): "
                        + target);
            }
        } catch (UnknownHostException unknown) {
            throw new IllegalArgumentException("server host is unknown: " + target.getHost(), unknown);
        }
        if (!"ws".equals(target.getScheme())) {
            throw new IllegalArgumentException("a server address must be ws://...: " + target);
        }
        return target;
    }

    /** {@code count} source addresses 127.0.0.1, 127.0.0.2, ...: each gives another range of ephemeral ports. */
    static List<String> sources(int count) {
        if (count < 1 || count > MAX_SOURCES) {
            throw new IllegalArgumentException("--sources must be 1.." + MAX_SOURCES);
        }
        List<String> sources = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            sources.add("127.0.0." + i);
        }
        return sources;
    }
}
