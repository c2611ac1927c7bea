package io.roomchat.adapter.inmemory;

import io.roomchat.core.port.out.ConnectionStore;
import io.roomchat.testkit.ConnectionStoreContract;

class InMemoryConnectionStoreTest extends ConnectionStoreContract {

    @Override
    protected ConnectionStore createStore() {
        return InMemoryChat.connectionStore();
    }
}
