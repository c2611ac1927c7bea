package example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatInMemoryTest {
    @Test
    void the_published_modules_run_a_chat_in_memory() {
        assertEquals(List.of("OK OK", "hello"), ChatInMemory.aliceSaysHello());
    }
}
