package dev.freshet.fragments.video;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The service's rules for image generation and notification configurations, beyond the model's
 * shapes: destination URIs of 1..255 characters shaped {@code scheme:[//]host[/path]}, regions
 * like {@code us-east-1}, a sampling interval of at least {@value #MIN_SAMPLING_MILLIS} ms, images
 * of 1..3840 × 1..2160 pixels, and a {@code FormatConfig} holding only {@code JPEGQuality} of 1..100.
 *
 * <p>Stateless and thread-safe.
 */
final class ConfigurationRules {

    static final int MIN_SAMPLING_MILLIS = 200;
    static final String JPEG_QUALITY = "JPEGQuality";

    private static final Pattern URI = Pattern.compile("[a-zA-Z_0-9]+:(//)?([^/]+)/?([^*]*)");
    private static final Pattern REGION = Pattern.compile("[a-z]+(-[a-z]+)?-[a-z]+-[0-9]");

    private ConfigurationRules() {
    }

    static void check(ImageGenerationConfiguration config) {
        checkUri(config.destinationUri());
        String region = config.destinationRegion();
        if (region.length() < 9 || region.length() > 14 || !REGION.matcher(region).matches()) {
            throw invalid("DestinationRegion '%s' is not a region name such as us-east-1.", region);
        }
        if (config.samplingIntervalMillis() < MIN_SAMPLING_MILLIS) {
            throw invalid("SamplingInterval must be at least %d ms.", MIN_SAMPLING_MILLIS);
        }
        checkPixels("WidthPixels", config.widthPixels(), 3840);
        checkPixels("HeightPixels", config.heightPixels(), 2160);
        checkFormatConfig(config.formatConfig());
    }

    static void check(NotificationConfiguration config) {
        checkUri(config.destinationUri());
    }

    /** NoDataRetentionException: an enabled configuration works on stored media, which a live-only stream has none of. */
    static void checkRetention(ConfigurationStatus status, int retentionHours, String what) {
        if (status == ConfigurationStatus.ENABLED && retentionHours == 0) {
            throw VideoErrorType.NO_DATA_RETENTION.exception(
                "The stream's data retention is 0 hours: %s needs stored media; increase the retention first.", what);
        }
    }

    private static void checkUri(String uri) {
        if (uri.isEmpty() || uri.length() > 255 || !URI.matcher(uri).matches()) {
            throw invalid("Destination Uri '%s' must be 1 to 255 characters shaped scheme:[//]host[/path].", uri);
        }
    }

    private static void checkPixels(String member, Integer pixels, int max) {
        if (pixels != null && (pixels < 1 || pixels > max)) {
            throw invalid("%s must be between 1 and %d.", member, max);
        }
    }

    private static void checkFormatConfig(Map<String, String> formatConfig) {
        for (Map.Entry<String, String> entry : formatConfig.entrySet()) {
            if (!entry.getKey().equals(JPEG_QUALITY)) {
                throw invalid("FormatConfig key '%s' is not supported; the only key is %s.", entry.getKey(), JPEG_QUALITY);
            }
            if (!isQuality(entry.getValue())) {
                throw invalid("%s must be an integer from 1 to 100, not '%s'.", JPEG_QUALITY, entry.getValue());
            }
        }
    }

    private static boolean isQuality(String value) {
        if (value == null || !value.matches("[0-9]{1,3}")) {
            return false;
        }
        int quality = Integer.parseInt(value);
        return quality >= 1 && quality <= 100;
    }

    private static VideoException invalid(String format, Object... args) {
        return VideoErrorType.INVALID_ARGUMENT.exception(format, args);
    }
}
