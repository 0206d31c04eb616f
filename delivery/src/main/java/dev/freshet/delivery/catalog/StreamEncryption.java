package dev.freshet.delivery.catalog;

import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;

/**
 * StartDeliveryStreamEncryption and StopDeliveryStreamEncryption: ENABLING then ENABLED, DISABLING
 * then DISABLED, each for the transition time. Only ACTIVE DirectPut streams.
 *
 * <p>Thread-safe.
 */
public final class StreamEncryption {

    private final DeliveryCatalog catalog;

    StreamEncryption(DeliveryCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param input the DeliveryStreamEncryptionConfigurationInput, or null for AWS_OWNED_CMK */
    public void start(String name, CreateRequest.EncryptionInput input) {
        CreateRequest.EncryptionInput effective = input == null
            ? new CreateRequest.EncryptionInput(EncryptionSettings.AWS_OWNED_CMK, null) : input;
        catalog.mutate(state -> {
            DeliveryStreamState stream = requireActive(state, name);
            EncryptionSettings.check(effective, stream.type);
            EncryptionSettings.apply(stream, effective, settledAt());
            return null;
        });
    }

    public void stop(String name) {
        catalog.mutate(state -> {
            DeliveryStreamState stream = requireActive(state, name);
            if (Specs.KINESIS_STREAM_AS_SOURCE.equals(stream.type)) {
                throw DeliveryException.invalidArgument("Server-side encryption is not supported for a "
                    + "KinesisStreamAsSource Firehose stream.");
            }
            if (stream.encryptionEnabled) {
                stream.encryptionEnabled = false;
                stream.encryptionSettledAtMillis = settledAt();
            }
            return null;
        });
    }

    private DeliveryStreamState requireActive(DeliveryCatalogState state, String name) {
        DeliveryStreamState stream = catalog.require(state, name);
        if (!DeliveryStreamStatus.isActive(stream, catalog.now())) {
            throw new DeliveryException(DeliveryErrorType.RESOURCE_IN_USE, "Firehose stream " + name + " under account "
                + catalog.settings().accountId() + " is not ACTIVE.");
        }
        return stream;
    }

    private long settledAt() {
        return catalog.now() + catalog.settings().transition().toMillis();
    }
}
