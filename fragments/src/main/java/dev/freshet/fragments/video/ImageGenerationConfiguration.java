package dev.freshet.fragments.video;

import dev.freshet.fragments.store.TimestampKind;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A stream's {@code ImageGenerationConfiguration}: stored and reported; Freshet does not deliver
 * images to the destination (GetImages serves them on request).
 *
 * <p>Immutable and thread-safe.
 *
 * @param imageSelector          which timestamps images are taken at ({@code ImageSelectorType})
 * @param destinationUri         where images would be delivered ({@code DestinationConfig.Uri})
 * @param destinationRegion      {@code DestinationConfig.DestinationRegion}
 * @param samplingIntervalMillis time between images, at least 200 ms
 * @param formatConfig           only {@code JPEGQuality} → {@code "1"}..{@code "100"}; empty when not given
 * @param widthPixels            1..3840, or null
 * @param heightPixels           1..2160, or null
 */
public record ImageGenerationConfiguration(ConfigurationStatus status, TimestampKind imageSelector,
                                           String destinationUri, String destinationRegion,
                                           int samplingIntervalMillis, ImageFormat format,
                                           Map<String, String> formatConfig, Integer widthPixels,
                                           Integer heightPixels) {

    public ImageGenerationConfiguration {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(imageSelector, "imageSelector");
        Objects.requireNonNull(destinationUri, "destinationUri");
        Objects.requireNonNull(destinationRegion, "destinationRegion");
        Objects.requireNonNull(format, "format");
        formatConfig = formatConfig == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(formatConfig));
    }
}
