package io.roomchat.fixturecycle.right;

import io.roomchat.fixturecycle.left.Left;

/** The other half of the package cycle. */
public final class Right {
    public Left left() {
        return new Left();
    }
}
