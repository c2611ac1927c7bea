package io.roomchat.resilience.corpus;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a corpus template: {@code ${name}} with a value of this run (a room, a message's id...), and
 * {@code ${repeat:N:text}} with {@code text} N times, so a 1 MiB frame takes one line. Anything else that looks
 * like a placeholder stays as it is.
 */
final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, String> values;

    Placeholders(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    String fill(String template) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String inside = matcher.group(1);
            String value;
            if (inside.startsWith("repeat:")) {
                int colon = inside.indexOf(':', "repeat:".length());
                value = inside.substring(colon + 1).repeat(Integer.parseInt(inside.substring("repeat:".length(), colon)));
            } else {
                value = values.getOrDefault(inside, matcher.group());
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }
}
