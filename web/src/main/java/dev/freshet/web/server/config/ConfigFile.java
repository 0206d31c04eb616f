package dev.freshet.web.server.config;

import dev.freshet.web.server.config.ConfigException.Reason;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a config file in Java properties format ({@code key = value}, {@code #} comments, UTF-8)
 * whose keys are setting keys. A key that is no setting is an error, so typos do not pass unseen.
 *
 * <p>Stateless, thread-safe.
 */
final class ConfigFile {

    private ConfigFile() {
    }

    static Map<Setting, RawValue> read(Path file) throws ConfigException {
        Properties properties = load(file);
        Map<Setting, RawValue> values = new EnumMap<>(Setting.class);
        String origin = "config file " + file;
        for (String key : properties.stringPropertyNames()) {
            Setting setting = Setting.byKey(key.trim()).orElseThrow(() -> new ConfigException(
                Reason.UNKNOWN_SETTING, "Unknown setting '" + key + "' in " + origin));
            values.put(setting, new RawValue(properties.getProperty(key), origin));
        }
        return values;
    }

    private static Properties load(Path file) throws ConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(Reason.UNREADABLE_FILE, "Cannot read config file " + file + ": " + e);
        }
    }
}
