package io.roomchat.core.application;

import io.roomchat.core.port.out.MessageStore;
import io.roomchat.testkit.MessageStoreContract;

/**
 * The core's own test store keeps the contract every real store keeps, so that what the core's tests show holds
 * for the stores it runs on. It lives in the core's test jar, in this package, hence the package here.
 */
class FakeMessageStoreTest extends MessageStoreContract {

    @Override
    protected MessageStore createStore() {
        return new FakeMessageStore();
    }
}
