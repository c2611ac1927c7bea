package io.roomchat.adapter.jdbc;

import static io.roomchat.adapter.jdbc.H2Files.withMemoryDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A page costs the page, not the room: H2 must read the index in order and stop, not sort the room. */
class PageQueryPlanTest {

    private static void assertWalksTheIndexInOrder(String query, String index) throws SQLException {
        String name = "plan-" + UUID.randomUUID();
        try (JdbcChatStorage ignored = JdbcChatStorage.h2InMemory(name)) {
            String plan = withMemoryDatabase(name, connection -> {
                try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query)) {
                    explain.setString(1, "general");
                    explain.setLong(2, 1_000L);
                    explain.setInt(3, 51);
                    try (ResultSet rows = explain.executeQuery()) {
                        rows.next();
                        return rows.getString(1);
                    }
                }
            });
            assertThat(plan).contains(index).contains("index sorted");
        }
    }

    @Test
    void older_pages_walk_the_room_and_time_index_backwards_without_sorting() throws SQLException {
        assertWalksTheIndexInOrder(JdbcMessageStore.PAGE_BEFORE, "MESSAGES_ROOM_POSTED_AT");
    }

    @Test
    void newer_pages_walk_the_room_and_time_index_forwards_without_sorting() throws SQLException {
        assertWalksTheIndexInOrder(JdbcMessageStore.PAGE_AFTER, "MESSAGES_ROOM_POSTED_AT");
    }

    @Test
    void since_pages_walk_the_room_and_seq_index_forwards_without_sorting() throws SQLException {
        assertWalksTheIndexInOrder(JdbcMessageStore.PAGE_SINCE, "MESSAGES_ROOM_SEQ");
    }
}
