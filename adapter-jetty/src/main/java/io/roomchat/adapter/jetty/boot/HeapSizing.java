package io.roomchat.adapter.jetty.boot;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's heap defaults, set in the running JVM at start-up, each only where the command line left the JVM's
 * own default, so a {@code -XX:} flag still wins.
 *
 * <p>Why: a chat server holds many idle sockets and sees bursts (thousands of upgrades at once). The JVM grows the
 * heap for a burst and by default keeps up to 70 % of it free afterwards, and never gives it back while no full
 * collection runs, so the resident set stays at the burst's size (measured: 420 MiB committed for 124 MiB live
 * with 10,000 idle connections; docs/benchmarks.md). With these settings the heap keeps between 10 % and 20 % free
 * when it is resized, and an idle server runs a concurrent collection once a minute, at which G1 returns the
 * surplus. Under load the heap still grows as the collector needs.
 * These flags are "manageable": the JVM reads them each time, so setting them after start is as good as on the
 * command line.
 */
final class HeapSizing {
    /** In the order they must be set: the minimum first, so that it never exceeds the maximum. */
    static final Map<String, String> DEFAULTS = defaults();

    private HeapSizing() {
    }

    private static Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("MinHeapFreeRatio", "10");
        defaults.put("MaxHeapFreeRatio", "20");
        defaults.put("G1PeriodicGCInterval", "60000");
        return defaults;
    }

    /** Applies the defaults to this JVM; returns the settings it changed, as {@code name=value}. */
    static List<String> apply() {
        return apply(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class));
    }

    static List<String> apply(HotSpotDiagnosticMXBean vm) {
        List<String> applied = new ArrayList<>();
        DEFAULTS.forEach((name, value) -> {
            try {
                if (vm.getVMOption(name).getOrigin() == VMOption.Origin.DEFAULT) {
                    vm.setVMOption(name, value);
                    applied.add(name + "=" + value);
                }
            } catch (IllegalArgumentException unsupported) {
                // A JVM without the flag, or one where it cannot be set (or clashes with a user's setting).
            }
        });
        return applied;
    }
}
