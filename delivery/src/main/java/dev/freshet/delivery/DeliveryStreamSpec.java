package dev.freshet.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * Everything the engine needs to run one delivery stream at one configuration version.
 *
 * @param ref the stream's name, ARN, region and VersionId
 * @param source where its records come from
 * @param destinationKind which destination
 * @param destinationConfiguration that destination's configuration as the API stores it, with
 *     the service's defaults filled in (e.g. BufferingHints 5 MB / 300 s, CompressionFormat
 *     UNCOMPRESSED, the default S3 prefix rules applied); the shape of the AWS
 *     {@code <Kind>DestinationConfiguration} member. Not modified by the engine.
 */
public record DeliveryStreamSpec(DeliveryStreamRef ref, DeliverySource source, DestinationKind destinationKind,
        ObjectNode destinationConfiguration) {

    public DeliveryStreamSpec {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destinationKind, "destinationKind");
        Objects.requireNonNull(destinationConfiguration, "destinationConfiguration");
    }
}
