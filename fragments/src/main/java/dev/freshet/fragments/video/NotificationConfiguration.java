package dev.freshet.fragments.video;

import java.util.Objects;

/**
 * A stream's {@code NotificationConfiguration}: stored and reported; Freshet sends no
 * notifications to the destination.
 *
 * <p>Immutable and thread-safe.
 *
 * @param destinationUri {@code DestinationConfig.Uri}
 */
public record NotificationConfiguration(ConfigurationStatus status, String destinationUri) {

    public NotificationConfiguration {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(destinationUri, "destinationUri");
    }
}
