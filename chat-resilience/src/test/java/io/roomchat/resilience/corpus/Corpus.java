package io.roomchat.resilience.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The corpus files under {@code src/test/resources/corpus}: JSON Lines, one case a line. */
final class Corpus {
    static final ObjectMapper JSON = new ObjectMapper();

    private Corpus() {
    }

    static List<JsonNode> read(String file) {
        InputStream stream = Corpus.class.getResourceAsStream("/corpus/" + file);
        if (stream == null) {
            throw new IllegalStateException("no corpus file " + file);
        }
        List<JsonNode> cases = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    cases.add(JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read corpus file " + file, e);
        }
        return cases;
    }
}
