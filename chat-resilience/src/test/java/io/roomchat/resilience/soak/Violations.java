package io.roomchat.resilience.soak;

import java.util.ArrayList;
import java.util.List;

/** Broken invariants, counted in full and kept for the report up to a cap. */
final class Violations {
    private static final int SHOWN = 25;

    private final List<String> shown = new ArrayList<>();
    private int count;

    void add(String violation) {
        count++;
        if (shown.size() < SHOWN) {
            shown.add(violation);
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    String report() {
        return count + " broken invariant(s)" + (count > SHOWN ? ", the first " + SHOWN : "") + ":\n  "
                + String.join("\n  ", shown);
    }
}
