package dev.freshet.fragments.video;

import dev.freshet.fragments.store.TimestampKind;

import java.util.TreeMap;

/** The persisted form of an {@link ImageGenerationConfiguration}.
 *
 * <p>Not thread-safe: guarded by the {@link VideoCatalog}'s lock.
 */
final class ImageGenerationState {
    public ConfigurationStatus status;
    public TimestampKind imageSelector;
    public String destinationUri;
    public String destinationRegion;
    public int samplingIntervalMillis;
    public ImageFormat format;
    public TreeMap<String, String> formatConfig = new TreeMap<>();
    public Integer widthPixels;
    public Integer heightPixels;

    static ImageGenerationState of(ImageGenerationConfiguration config) {
        ImageGenerationState state = new ImageGenerationState();
        state.status = config.status();
        state.imageSelector = config.imageSelector();
        state.destinationUri = config.destinationUri();
        state.destinationRegion = config.destinationRegion();
        state.samplingIntervalMillis = config.samplingIntervalMillis();
        state.format = config.format();
        state.formatConfig.putAll(config.formatConfig());
        state.widthPixels = config.widthPixels();
        state.heightPixels = config.heightPixels();
        return state;
    }

    ImageGenerationConfiguration configuration() {
        return new ImageGenerationConfiguration(status, imageSelector, destinationUri, destinationRegion,
            samplingIntervalMillis, format, formatConfig, widthPixels, heightPixels);
    }
}
