package dev.freshet.web.video;

import dev.freshet.fragments.store.TimestampKind;
import dev.freshet.fragments.video.ConfigurationStatus;
import dev.freshet.fragments.video.ImageFormat;
import dev.freshet.fragments.video.ImageGenerationConfiguration;
import dev.freshet.fragments.video.NotificationConfiguration;
import dev.freshet.fragments.video.StorageTier;
import dev.freshet.fragments.video.StreamStorage;
import dev.freshet.fragments.video.VideoStreamConfigurations;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;

/**
 * Update/DescribeImageGenerationConfiguration, Update/DescribeNotificationConfiguration and
 * Update/DescribeStreamStorageConfiguration: stored per stream and reported back. An update
 * without the configuration member removes it; a describe of none answers {@code {}}.
 *
 * <p>Thread-safe.
 */
final class ConfigurationOperations {

    private final VideoStreamConfigurations configurations;

    ConfigurationOperations(VideoStreamConfigurations configurations) {
        this.configurations = configurations;
    }

    void register(RestJsonRoutes routes) {
        routes.add("UpdateImageGenerationConfiguration", "/updateImageGenerationConfiguration",
                ControlPlaneInputs.UPDATE_IMAGE_GENERATION, this::updateImageGeneration)
            .add("DescribeImageGenerationConfiguration", "/describeImageGenerationConfiguration",
                ControlPlaneInputs.describeConfiguration("DescribeImageGenerationConfigurationInput"),
                this::describeImageGeneration)
            .add("UpdateNotificationConfiguration", "/updateNotificationConfiguration",
                ControlPlaneInputs.UPDATE_NOTIFICATION, this::updateNotification)
            .add("DescribeNotificationConfiguration", "/describeNotificationConfiguration",
                ControlPlaneInputs.describeConfiguration("DescribeNotificationConfigurationInput"),
                this::describeNotification)
            .add("UpdateStreamStorageConfiguration", "/updateStreamStorageConfiguration",
                ControlPlaneInputs.UPDATE_STREAM_STORAGE, this::updateStreamStorage)
            .add("DescribeStreamStorageConfiguration", "/describeStreamStorageConfiguration",
                ControlPlaneInputs.describeConfiguration("DescribeStreamStorageConfigurationInput"),
                this::describeStreamStorage);
    }

    private void updateImageGeneration(RestJsonCall call, OutputWriter out) {
        configurations.updateImageGeneration(call.streamRef(),
            call.structure("ImageGenerationConfiguration").map(ConfigurationOperations::images).orElse(null));
    }

    private void describeImageGeneration(RestJsonCall call, OutputWriter out) {
        configurations.describeImageGeneration(call.streamRef()).ifPresent(config -> {
            out.startObject("ImageGenerationConfiguration")
                .string("Status", config.status().name())
                .string("ImageSelectorType", config.imageSelector().name() + "_TIMESTAMP")
                .startObject("DestinationConfig").string("Uri", config.destinationUri())
                .string("DestinationRegion", config.destinationRegion()).endObject()
                .number("SamplingInterval", config.samplingIntervalMillis())
                .string("Format", config.format().name());
            if (!config.formatConfig().isEmpty()) {
                out.startObject("FormatConfig");
                config.formatConfig().forEach(out::string);
                out.endObject();
            }
            out.number("WidthPixels", config.widthPixels()).number("HeightPixels", config.heightPixels()).endObject();
        });
    }

    private void updateNotification(RestJsonCall call, OutputWriter out) {
        configurations.updateNotification(call.streamRef(),
            call.structure("NotificationConfiguration").map(ConfigurationOperations::notification).orElse(null));
    }

    private void describeNotification(RestJsonCall call, OutputWriter out) {
        configurations.describeNotification(call.streamRef()).ifPresent(config -> out
            .startObject("NotificationConfiguration").string("Status", config.status().name())
            .startObject("DestinationConfig").string("Uri", config.destinationUri()).endObject()
            .endObject());
    }

    private void updateStreamStorage(RestJsonCall call, OutputWriter out) {
        Input storage = call.structure("StreamStorageConfiguration").orElseThrow();
        configurations.updateStorage(call.streamRef(), call.string("CurrentVersion"),
            StorageTier.valueOf(storage.string("DefaultStorageTier").orElseThrow()));
    }

    private void describeStreamStorage(RestJsonCall call, OutputWriter out) {
        StreamStorage storage = configurations.describeStorage(call.streamRef());
        out.string("StreamName", storage.streamName()).string("StreamARN", storage.streamArn())
            .startObject("StreamStorageConfiguration")
            .string("DefaultStorageTier", storage.defaultStorageTier().name()).endObject();
    }

    private static ImageGenerationConfiguration images(Input config) {
        Input destination = config.structure("DestinationConfig").orElseThrow();
        String selector = config.string("ImageSelectorType").orElseThrow();
        return new ImageGenerationConfiguration(status(config),
            TimestampKind.valueOf(selector.substring(0, selector.indexOf('_'))),
            destination.string("Uri").orElseThrow(), destination.string("DestinationRegion").orElseThrow(),
            config.integer("SamplingInterval").orElseThrow(), ImageFormat.valueOf(config.string("Format").orElseThrow()),
            config.stringMap("FormatConfig"), config.integer("WidthPixels").orElse(null),
            config.integer("HeightPixels").orElse(null));
    }

    private static NotificationConfiguration notification(Input config) {
        Input destination = config.structure("DestinationConfig").orElseThrow();
        return new NotificationConfiguration(status(config), destination.string("Uri").orElseThrow());
    }

    private static ConfigurationStatus status(Input config) {
        return ConfigurationStatus.valueOf(config.string("Status").orElseThrow());
    }
}
