package io.roomchat.adapter.fixtureb;

/** The other side of the violation: an ordinary adapter class. */
public final class OtherAdapter {
    public String name() {
        return "other";
    }
}
