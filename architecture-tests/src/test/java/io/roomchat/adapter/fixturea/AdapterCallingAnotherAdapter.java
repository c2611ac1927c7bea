package io.roomchat.adapter.fixturea;

import io.roomchat.adapter.fixtureb.OtherAdapter;

/** A violation on purpose: an adapter class reaching into another adapter. */
public final class AdapterCallingAnotherAdapter {
    public String call(OtherAdapter other) {
        return other.name();
    }
}
