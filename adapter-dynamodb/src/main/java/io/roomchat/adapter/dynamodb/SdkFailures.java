package io.roomchat.adapter.dynamodb;

import io.roomchat.core.port.out.ChatStorageException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The adapter's edge: every SDK failure leaves a store as one {@link ChatStorageException}, after the SDK's own
 * retries, so no SDK type crosses a port. The message names the operation and the SDK's error, never item data.
 */
final class SdkFailures {
    private SdkFailures() {
    }

    static <T> T translated(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException | UncheckedIOException failure) {
            throw new ChatStorageException("DynamoDB " + operation + " failed: " + failure.getClass().getSimpleName(),
                    failure);
        }
    }

    static void translated(String operation, Runnable call) {
        translated(operation, () -> {
            call.run();
            return null;
        });
    }
}
