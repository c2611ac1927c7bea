package io.roomchat.core.port.out;

/** How one delivery ended. */
public enum DeliveryStatus {
    DELIVERED,
    /** The connection no longer exists: its record is stale. */
    GONE,
    /** Something else went wrong; the connection may still exist. */
    FAILED
}
