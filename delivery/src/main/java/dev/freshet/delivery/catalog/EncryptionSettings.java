package dev.freshet.delivery.catalog;

import dev.freshet.delivery.DeliveryException;

/**
 * Server-side encryption settings of a stream: KeyType AWS_OWNED_CMK (no KeyARN) or
 * CUSTOMER_MANAGED_CMK (with KeyARN); not for KinesisStreamAsSource streams, whose source stream
 * carries the encryption. Freshet records the state and reports it; bytes at rest are not
 * encrypted yet (README, "not there yet"). Stateless.
 */
final class EncryptionSettings {

    static final String AWS_OWNED_CMK = "AWS_OWNED_CMK";
    static final String CUSTOMER_MANAGED_CMK = "CUSTOMER_MANAGED_CMK";

    private EncryptionSettings() {
    }

    /** InvalidArgumentException when {@code input} (may be null) is not allowed for a stream of {@code type}. */
    static void check(CreateRequest.EncryptionInput input, String type) {
        if (input == null) {
            return;
        }
        if (Specs.KINESIS_STREAM_AS_SOURCE.equals(type)) {
            throw DeliveryException.invalidArgument("Server-side encryption is not supported for a KinesisStreamAsSource "
                + "Firehose stream; enable it on the source Kinesis stream.");
        }
        String keyType = input.keyType() == null ? AWS_OWNED_CMK : input.keyType();
        if (keyType.equals(CUSTOMER_MANAGED_CMK) && input.keyArn() == null) {
            throw DeliveryException.invalidArgument("KeyARN is required when KeyType is CUSTOMER_MANAGED_CMK.");
        }
        if (keyType.equals(AWS_OWNED_CMK) && input.keyArn() != null) {
            throw DeliveryException.invalidArgument("KeyARN must not be given when KeyType is AWS_OWNED_CMK.");
        }
    }

    /** Records {@code input} (checked) as enabled, or nothing when null. */
    static void apply(DeliveryStreamState stream, CreateRequest.EncryptionInput input, long settledAt) {
        if (input == null) {
            return;
        }
        stream.encryptionEnabled = true;
        stream.encryptionKeyType = input.keyType() == null ? AWS_OWNED_CMK : input.keyType();
        stream.encryptionKeyArn = input.keyArn();
        stream.encryptionSettledAtMillis = settledAt;
    }

    static DeliveryStreamDescription.Encryption describe(DeliveryStreamState stream, long now) {
        String status = DeliveryStreamStatus.encryption(stream, now);
        boolean on = stream.encryptionEnabled;
        return new DeliveryStreamDescription.Encryption(on ? stream.encryptionKeyArn : null,
            on ? stream.encryptionKeyType : null, status);
    }

    /** Whether records put now are reported {@code Encrypted}. */
    static boolean encrypted(DeliveryStreamState stream, long now) {
        return "ENABLED".equals(DeliveryStreamStatus.encryption(stream, now));
    }
}
