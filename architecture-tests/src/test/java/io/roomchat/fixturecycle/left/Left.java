package io.roomchat.fixturecycle.left;

import io.roomchat.fixturecycle.right.Right;

/** Half of a package cycle, on purpose. */
public final class Left {
    public Right right() {
        return new Right();
    }
}
