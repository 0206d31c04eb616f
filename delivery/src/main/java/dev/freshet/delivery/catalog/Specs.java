package dev.freshet.delivery.catalog;

import dev.freshet.delivery.DeliveryStreamRef;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DeliverySource;
import dev.freshet.delivery.DestinationKind;

/** Builds the engine's {@link DeliveryStreamSpec} of a stored stream. Stateless. */
final class Specs {

    static final String DIRECT_PUT = "DirectPut";
    static final String KINESIS_STREAM_AS_SOURCE = "KinesisStreamAsSource";

    private Specs() {
    }

    /** Call under the catalog's lock (reads the stream's state); the spec is immutable after. */
    static DeliveryStreamSpec of(DeliveryCatalog catalog, DeliveryStreamState stream) {
        DeliveryStreamRef ref = new DeliveryStreamRef(stream.name, catalog.arn(stream.name),
            catalog.settings().region(), stream.versionId);
        DeliverySource source = KINESIS_STREAM_AS_SOURCE.equals(stream.type)
            ? new DeliverySource.KinesisStream(stream.kinesisStreamName, stream.kinesisStreamArn,
                stream.deliveryStartMillis)
            : new DeliverySource.DirectPut();
        return new DeliveryStreamSpec(ref, source, DestinationKind.valueOf(stream.destinationKind),
            stream.destination.deepCopy());
    }
}
