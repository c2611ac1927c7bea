package io.roomchat.adapter.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on reply frames. */
final class JsonAssert {
    private JsonAssert() {
    }

    static void ok(JsonNode reply) {
        status(reply, 200);
    }

    static void status(JsonNode reply, int status) {
        assertThat(reply.path("statusCode").asInt()).as("reply %s", reply).isEqualTo(status);
    }
}
