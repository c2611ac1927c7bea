package io.roomchat.adapter.inmemory;

import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.MessageStoreContract;

class InMemoryMessageStoreTest extends MessageStoreContract {

    @Override
    protected MessageStore createStore() {
        return InMemoryChat.messageStore();
    }
}
