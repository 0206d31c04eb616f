package dev.freshet.delivery.convert;

import java.util.List;
import java.util.Map;

/**
 * How JSON keys and values are read, from the configured deserializer.
 *
 * @param openX the OpenX JSON SerDe (else the Hive JSON SerDe): decides the default timestamp forms
 * @param caseInsensitive OpenX CaseInsensitive (default true); the Hive SerDe always ignores case
 * @param keyForColumn OpenX ColumnToJsonKeyMappings: column (lower-case) to the JSON key it reads
 * @param dotsToUnderscores OpenX ConvertDotsInJsonKeysToUnderscores: key {@code a.b} fills column {@code a_b}
 * @param timestampFormats Hive TimestampFormats: JodaTime patterns, or {@code millis}
 */
public record JsonReading(boolean openX, boolean caseInsensitive, Map<String, String> keyForColumn,
        boolean dotsToUnderscores, List<String> timestampFormats) {

    public JsonReading {
        keyForColumn = Map.copyOf(keyForColumn);
        timestampFormats = List.copyOf(timestampFormats);
    }

    /** The OpenX defaults. */
    public static JsonReading openXDefaults() {
        return new JsonReading(true, true, Map.of(), false, List.of());
    }
}
