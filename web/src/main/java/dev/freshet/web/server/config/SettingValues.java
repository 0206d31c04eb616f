package dev.freshet.web.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reads of merged raw setting values. Each read checks the value and, when it is wrong,
 * throws a {@link ConfigException} that names the setting, the value, its origin and what was
 * expected. Settings with no default may be absent or blank, which means unset.
 *
 * <p>Not thread-safe; used once per parse.
 */
final class SettingValues {

    private final Map<Setting, RawValue> values;

    SettingValues(Map<Setting, RawValue> values) {
        this.values = values;
    }

    String text(Setting setting) throws ConfigException {
        return optionalText(setting).orElseThrow(() -> invalid(setting, "a non-empty value"));
    }

    Optional<String> optionalText(Setting setting) {
        RawValue raw = values.get(setting);
        return raw == null || raw.text().isBlank() ? Optional.empty() : Optional.of(raw.text().trim());
    }

    String matching(Setting setting, Pattern pattern, String expected) throws ConfigException {
        String text = text(setting);
        if (!pattern.matcher(text).matches()) {
            throw invalid(setting, expected);
        }
        return text;
    }

    long number(Setting setting, long min, long max) throws ConfigException {
        String expected = "an integer from " + min + " to " + max;
        try {
            long value = Long.parseLong(text(setting));
            if (value < min || value > max) {
                throw invalid(setting, expected);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(setting, expected);
        }
    }

    Duration millis(Setting setting, long min) throws ConfigException {
        return Duration.ofMillis(number(setting, min, Long.MAX_VALUE / 1_000_000));
    }

    boolean bool(Setting setting) throws ConfigException {
        String text = text(setting).toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw invalid(setting, "true or false");
        }
        return text.equals("true");
    }

    /** One of the enum's constants, written in lower case ({@code os}, {@code fsync}, …). */
    <E extends Enum<E>> E choice(Setting setting, Class<E> type) throws ConfigException {
        String text = text(setting);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw invalid(setting, "one of " + setting.valueName().orElse(type.getSimpleName()));
    }

    Path path(Setting setting) throws ConfigException {
        return toPath(setting, text(setting));
    }

    Optional<Path> optionalPath(Setting setting) throws ConfigException {
        Optional<String> text = optionalText(setting);
        return text.isEmpty() ? Optional.empty() : Optional.of(toPath(setting, text.get()));
    }

    /** Where the setting's value came from, for messages about combinations of settings. */
    String origin(Setting setting) {
        RawValue raw = values.get(setting);
        return raw == null ? "default" : raw.origin();
    }

    ConfigException invalid(Setting setting, String expected) {
        RawValue raw = values.get(setting);
        String shown = raw == null ? "" : raw.text();
        if (setting == Setting.TLS_KEYSTORE_PASSWORD || setting == Setting.WEBRTC_TOKENS
            || setting == Setting.S3_SECRET_ACCESS_KEY) {
            shown = "***";
        }
        return new ConfigException(ConfigException.Reason.INVALID_VALUE, "Invalid value '" + shown + "' for "
            + setting.key() + " (from " + origin(setting) + "): expected " + expected);
    }

    private Path toPath(Setting setting, String text) throws ConfigException {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw invalid(setting, "a file system path");
        }
    }
}
