package io.roomchat.adapter.inmemory;

import io.roomchat.core.port.out.ReadPositions;
import io.roomchat.testkit.ReadPositionsContract;

class InMemoryReadPositionsTest extends ReadPositionsContract {

    @Override
    protected ReadPositions createPositions() {
        return InMemoryChat.readPositions();
    }
}
