package dev.freshet.web.server.config;

import dev.freshet.web.server.config.ConfigException.Reason;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads command-line flags into raw values by key. Accepted forms: {@code --key value},
 * {@code --key=value}, and for boolean settings {@code --key} alone (true) or followed by
 * {@code true}/{@code false}. {@code --config FILE} names the config file. A later flag wins
 * over an earlier one.
 *
 * <p>Stateless, thread-safe.
 */
final class CommandLine {

    static final String CONFIG = "config";

    private CommandLine() {
    }

    /** Whether the arguments ask for the usage text ({@code --help} or {@code -h} anywhere). */
    static boolean wantsHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** Raw values by key (a setting key or {@value #CONFIG}). */
    static Map<String, RawValue> parse(String... args) throws ConfigException {
        Map<String, RawValue> values = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            i = readFlag(args, i, values);
        }
        return values;
    }

    /** Reads the flag at {@code args[i]} and its value; returns the index of the next flag. */
    private static int readFlag(String[] args, int i, Map<String, RawValue> values) throws ConfigException {
        String arg = args[i];
        if (!arg.startsWith("--") || arg.length() == 2) {
            throw new ConfigException(Reason.UNEXPECTED_ARGUMENT, "Unexpected argument '" + arg
                + "': settings are given as --key value or --key=value");
        }
        int equals = arg.indexOf('=');
        String key = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
        if (!isKnown(key)) {
            throw new ConfigException(Reason.UNKNOWN_SETTING, "Unknown flag --" + key);
        }
        String next = i + 1 < args.length ? args[i + 1] : null;
        if (equals >= 0) {
            return put(values, key, arg.substring(equals + 1), i + 1);
        }
        if (isBooleanFlag(key)) {
            return isBooleanWord(next) ? put(values, key, next, i + 2) : put(values, key, "true", i + 1);
        }
        if (next == null || next.startsWith("--")) {
            throw new ConfigException(Reason.MISSING_VALUE, "Flag --" + key + " needs a value");
        }
        return put(values, key, next, i + 2);
    }

    private static int put(Map<String, RawValue> values, String key, String value, int nextIndex) {
        values.put(key, new RawValue(value, "flag --" + key));
        return nextIndex;
    }

    private static boolean isKnown(String key) {
        return key.equals(CONFIG) || Setting.byKey(key).isPresent();
    }

    private static boolean isBooleanFlag(String key) {
        return Setting.byKey(key).map(Setting::isFlag).orElse(false);
    }

    private static boolean isBooleanWord(String word) {
        return "true".equalsIgnoreCase(word) || "false".equalsIgnoreCase(word);
    }
}
