package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DestinationKind;
import java.time.Instant;
import java.util.List;

/**
 * A delivery stream as DescribeDeliveryStream presents it.
 *
 * @param source the KinesisStreamSourceDescription, null for DirectPut
 * @param destinations the page of destinations asked for (a stream has one)
 * @param failure why delivery is failing now (FailureDescription's Details, from the engine's
 *     {@link dev.freshet.delivery.DeliveryMetrics#failureDescription()}), null when it is not
 */
public record DeliveryStreamDescription(String name, String arn, String status, String type, long versionId,
        Instant created, Instant lastUpdate, Source source, List<Destination> destinations,
        boolean hasMoreDestinations, Encryption encryption, String failure) {

    /** The id of a stream's only destination, as the service numbers it. */
    public static final String DESTINATION_ID = "destinationId-000000000001";

    public DeliveryStreamDescription {
        destinations = List.copyOf(destinations);
    }

    /** KinesisStreamSourceDescription. */
    public record Source(String kinesisStreamArn, String roleArn, Instant deliveryStartTimestamp) {
    }

    /**
     * One DestinationDescription.
     *
     * @param description the {@code <Kind>DestinationDescription} member's content
     */
    public record Destination(String destinationId, DestinationKind kind, ObjectNode description) {
    }

    /**
     * DeliveryStreamEncryptionConfiguration.
     *
     * @param keyType null when never enabled
     * @param status ENABLED, ENABLING, DISABLED or DISABLING
     */
    public record Encryption(String keyArn, String keyType, String status) {
    }
}
