package dev.freshet.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} pairs of the load generators' command lines, checked against the names
 * a generator knows; every problem is an {@link IllegalArgumentException} whose message ends with
 * the generator's usage text.
 *
 * <p>Stateless; thread-safe.
 */
public final class OptionPairs {

    private OptionPairs() {
    }

    /** The pairs of {@code args} from index {@code from} on, by name without the dashes. */
    public static Map<String, String> parse(String[] args, int from, Set<String> names, String usage) {
        if ((args.length - from) % 2 != 0) {
            throw new IllegalArgumentException(usage);
        }
        Map<String, String> values = new HashMap<>();
        for (int i = from; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage);
            }
            values.put(name, args[i + 1]);
        }
        return values;
    }

    /** The whole number given as {@code --name}, or {@code fallback} when it was not given. */
    public static int number(Map<String, String> values, String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got " + value, e);
        }
    }
}
