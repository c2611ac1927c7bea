package io.roomchat.adapter.inmemory;

import io.roomchat.core.port.out.RoomBans;
import io.roomchat.testkit.RoomBansContract;

class InMemoryRoomBansTest extends RoomBansContract {
    @Override
    protected RoomBans createBans() {
        return InMemoryChat.roomBans();
    }
}
