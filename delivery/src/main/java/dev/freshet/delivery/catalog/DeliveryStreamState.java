package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeMap;

/**
 * One delivery stream as stored. Timed phases (CREATING, DELETING, ENABLING, DISABLING) are kept as
 * end times and read through {@link DeliveryStreamStatus}, so they need no scheduler and survive
 * restarts. Not thread-safe: owned by {@link DeliveryCatalog}'s lock.
 */
final class DeliveryStreamState {

    public String name;
    /** DirectPut or KinesisStreamAsSource. */
    public String type;
    public long createdMillis;
    /** When CREATING ends. */
    public long activeAtMillis;
    public long lastUpdateMillis;
    /** 0 while the stream is not being deleted; else when DELETING ends and the name is free again. */
    public long deletedAtMillis;
    public long versionId = 1;
    /** A {@link dev.freshet.delivery.DestinationKind} name. */
    public String destinationKind;
    /** The destination configuration with the service's defaults filled in. */
    public ObjectNode destination;
    public String kinesisStreamArn;
    public String kinesisStreamName;
    public String sourceRoleArn;
    public long deliveryStartMillis;
    /** Null: encryption never configured (DISABLED). */
    public String encryptionKeyType;
    public String encryptionKeyArn;
    public boolean encryptionEnabled;
    /** When ENABLING or DISABLING ends. */
    public long encryptionSettledAtMillis;
    public TreeMap<String, String> tags = new TreeMap<>();
}
