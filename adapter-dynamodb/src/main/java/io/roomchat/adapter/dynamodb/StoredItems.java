package io.roomchat.adapter.dynamodb;

import io.roomchat.core.port.out.ChatStorageException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading attributes of a stored item; an item the stores did not write that way is a storage failure. */
final class StoredItems {
    private StoredItems() {
    }

    static String string(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        if (value == null || value.s() == null) {
            throw malformed(attribute);
        }
        return value.s();
    }

    static String optionalString(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        if (value == null || value.n() == null) {
            throw malformed(attribute);
        }
        try {
            return Long.parseLong(value.n());
        } catch (NumberFormatException notALong) {
            throw malformed(attribute);
        }
    }

    /** A number that items written before the attribute existed lack: {@code absent} then. */
    static long optionalNumber(Map<String, AttributeValue> item, String attribute, long absent) {
        return item.containsKey(attribute) ? number(item, attribute) : absent;
    }

    static boolean flag(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static ChatStorageException malformed(String attribute) {
        return new ChatStorageException("stored item has a missing or malformed " + attribute);
    }
}
