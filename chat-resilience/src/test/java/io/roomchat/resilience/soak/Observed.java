package io.roomchat.resilience.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One finished connection as the checks see it: its stints, how many requests it sent, every frame it received. */
record Observed(String connection, List<Stint> stints, int requests, List<JsonNode> frames) {
    @Override
    public String toString() {
        return connection;
    }
}
