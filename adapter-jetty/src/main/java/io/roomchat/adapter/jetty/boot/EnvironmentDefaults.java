package io.roomchat.adapter.jetty.boot;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every option's default from the environment: {@code --jwt-secret} reads {@code CHAT_JWT_SECRET}, and so on.
 * A flag on the command line wins; without either, {@code fallbacks} (the limits' defaults, from the core) or the
 * option's own default applies. A blank variable counts as
 * unset, except the secret: a blank secret is a mistake to report, not a request for dev mode.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
    private static final String SECRET_OPTION = "--jwt-secret";

    private final Map<String, String> environment;
    private final Map<String, String> fallbacks;

    EnvironmentDefaults(Map<String, String> environment, Map<String, String> fallbacks) {
        this.environment = Map.copyOf(environment);
        this.fallbacks = Map.copyOf(fallbacks);
    }

    static String variableFor(String longOption) {
        return "CHAT_" + longOption.replaceFirst("^--", "").replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!argument.isOption()) {
            return null;
        }
        String option = ((OptionSpec) argument).longestName();
        String value = environment.get(variableFor(option));
        boolean unset = value == null || value.isBlank() && !option.equals(SECRET_OPTION);
        return unset ? fallbacks.get(option) : value;
    }
}
