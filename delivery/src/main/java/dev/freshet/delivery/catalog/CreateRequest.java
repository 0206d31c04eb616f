package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CreateDeliveryStream's input, as the catalog needs it.
 *
 * @param name the DeliveryStreamName
 * @param type the DeliveryStreamType, or null for DirectPut
 * @param kinesisSource the KinesisStreamSourceConfiguration, or null
 * @param encryption the DeliveryStreamEncryptionConfigurationInput, or null
 * @param destinations every {@code <Kind>DestinationConfiguration} member given, by member name
 *     (exactly one is allowed; names of destinations Freshet does not serve are refused by name)
 * @param tags the Tags, in request order
 */
public record CreateRequest(String name, String type, KinesisSource kinesisSource, EncryptionInput encryption,
        Map<String, ObjectNode> destinations, List<Tag> tags) {

    public CreateRequest {
        Objects.requireNonNull(name, "name");
        destinations = Map.copyOf(destinations);
        tags = List.copyOf(tags);
    }

    /** KinesisStreamSourceConfiguration. */
    public record KinesisSource(String streamArn, String roleArn) {
    }

    /** DeliveryStreamEncryptionConfigurationInput: KeyType and, for CUSTOMER_MANAGED_CMK, KeyARN. */
    public record EncryptionInput(String keyType, String keyArn) {
    }
}
