package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DestinationKind;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Picks the one destination member of a CreateDeliveryStream or UpdateDestination request: exactly
 * one must be given, and it must be of a kind Freshet serves. Stateless.
 */
final class DestinationMembers {

    /** The destination types of the model Freshet does not deliver to. */
    static final Set<String> UNSUPPORTED = Set.of("Splunk", "AmazonOpenSearchServerless", "Snowflake", "Iceberg");

    /** The chosen destination: its kind and the member's content. */
    record Chosen(DestinationKind kind, ObjectNode node) {
    }

    private DestinationMembers() {
    }

    /**
     * @param given the destination members of the request by member name
     * @param memberOf the member name of a kind ({@code configurationMember} or {@code updateMember})
     * @param suffix the member name suffix, {@code DestinationConfiguration} or {@code DestinationUpdate}
     */
    static Chosen choose(Map<String, ObjectNode> given, Function<DestinationKind, String> memberOf, String suffix) {
        if (given.size() != 1) {
            throw DeliveryException.invalidArgument(given.isEmpty()
                ? "Exactly one destination " + (suffix.endsWith("Update") ? "update" : "configuration")
                    + " must be specified."
                : "Only one destination may be specified, got " + String.join(", ", given.keySet().stream().sorted().toList())
                    + ".");
        }
        Map.Entry<String, ObjectNode> entry = given.entrySet().iterator().next();
        for (DestinationKind kind : DestinationKind.values()) {
            if (memberOf.apply(kind).equals(entry.getKey())) {
                return new Chosen(kind, entry.getValue());
            }
        }
        String type = entry.getKey().endsWith(suffix) ? entry.getKey().substring(0, entry.getKey().length() - suffix.length())
            : entry.getKey();
        throw DeliveryException.invalidArgument(UNSUPPORTED.contains(type)
            ? "The " + type + " destination is not supported by Freshet (" + entry.getKey() + ")."
            : "Unknown destination member " + entry.getKey() + ".");
    }
}
