package io.roomchat.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lines of a test's source between {@code // snippet:start} and {@code // snippet:end}, without the
 * indentation they have there: what a page of the docs must show as a {@code java} block, so that the example a
 * reader copies is the one a test runs.
 */
public final class DocSnippet {
    private DocSnippet() {
    }

    /** The snippet as a fenced {@code java} block, ready to look for in a Markdown page. */
    public static String fencedBlockOf(Path testSource) throws IOException {
        List<String> source = Files.readAllLines(testSource);
        List<String> body = source.subList(indexOf(source, "// snippet:start") + 1, indexOf(source, "// snippet:end"));
        int indent = body.get(0).length() - body.get(0).stripLeading().length();
        return body.stream().map(line -> line.substring(Math.min(indent, line.length())))
                .collect(Collectors.joining("\n", "```java\n", "\n```\n"));
    }

    private static int indexOf(List<String> source, String marker) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).strip().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError("marker not found: " + marker);
    }
}
