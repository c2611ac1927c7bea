package io.roomchat.adapter.fixturea.boot;

import io.roomchat.adapter.fixtureb.OtherAdapter;

/** Allowed: a composition root wiring another adapter. */
public final class CompositionRoot {
    public OtherAdapter wire() {
        return new OtherAdapter();
    }
}
