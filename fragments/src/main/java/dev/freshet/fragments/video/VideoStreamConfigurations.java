package dev.freshet.fragments.video;

import java.util.Optional;

/**
 * The stored per-stream configurations: image generation (Update/DescribeImageGenerationConfiguration),
 * notifications (Update/DescribeNotificationConfiguration) and the storage tier
 * (Update/DescribeStreamStorageConfiguration). Freshet keeps and reports them; it does not deliver
 * images or notifications to their destinations, and stores every tier alike.
 *
 * <p>Updates need an ACTIVE stream and give it a new {@code Version}; an enabled image generation
 * or notification configuration needs a retention above 0 (NoDataRetentionException). Updating
 * with null removes that configuration, as the service does.
 *
 * <p>Thread-safe.
 */
public final class VideoStreamConfigurations {

    private final VideoCatalog catalog;
    private final VideoStreamLifecycle lifecycle;

    VideoStreamConfigurations(VideoCatalog catalog, VideoStreamLifecycle lifecycle) {
        this.catalog = catalog;
        this.lifecycle = lifecycle;
    }

    /** Sets (or with null removes) the stream's image generation configuration. */
    public void updateImageGeneration(VideoStreamRef ref, ImageGenerationConfiguration config) {
        if (config != null) {
            ConfigurationRules.check(config);
        }
        catalog.mutate(state -> {
            VideoStreamState stream = lifecycle.changeable(state, ref, null);
            if (config != null) {
                ConfigurationRules.checkRetention(config.status(), stream.retentionHours, "image generation");
            }
            stream.imageGeneration = config == null ? null : ImageGenerationState.of(config);
            lifecycle.changed(stream, null);
            return null;
        });
    }

    public Optional<ImageGenerationConfiguration> describeImageGeneration(VideoStreamRef ref) {
        return catalog.read(state -> Optional.ofNullable(catalog.require(state, ref).imageGeneration)
            .map(ImageGenerationState::configuration));
    }

    /** Sets (or with null removes) the stream's notification configuration. */
    public void updateNotification(VideoStreamRef ref, NotificationConfiguration config) {
        if (config != null) {
            ConfigurationRules.check(config);
        }
        catalog.mutate(state -> {
            VideoStreamState stream = lifecycle.changeable(state, ref, null);
            if (config != null) {
                ConfigurationRules.checkRetention(config.status(), stream.retentionHours, "notification");
            }
            stream.notification = config == null ? null : NotificationState.of(config);
            lifecycle.changed(stream, null);
            return null;
        });
    }

    public Optional<NotificationConfiguration> describeNotification(VideoStreamRef ref) {
        return catalog.read(state -> Optional.ofNullable(catalog.require(state, ref).notification)
            .map(NotificationState::configuration));
    }

    /** Sets the stream's default storage tier; {@code currentVersion} is required, as by the service. */
    public void updateStorage(VideoStreamRef ref, String currentVersion, StorageTier tier) {
        if (currentVersion == null || tier == null) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("CurrentVersion and DefaultStorageTier are required.");
        }
        catalog.mutate(state -> {
            VideoStreamState stream = lifecycle.changeable(state, ref, currentVersion);
            stream.storageTier = tier;
            lifecycle.changed(stream, null);
            return null;
        });
    }

    public StreamStorage describeStorage(VideoStreamRef ref) {
        return catalog.read(state -> {
            VideoStreamState stream = catalog.require(state, ref);
            return new StreamStorage(stream.name, catalog.arn(stream), stream.storageTier);
        });
    }
}
