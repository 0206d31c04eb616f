package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * UpdateDestination: the caller names the version it read (CurrentDeliveryStreamVersionId; another
 * one is a ConcurrentModificationException) and the destination; the one
 * {@code <Kind>DestinationUpdate} given is merged into the stored configuration and checked as a
 * whole, the VersionId goes up by one, and the engine switches to the new configuration.
 *
 * <p>Changing the destination kind: S3 and Extended S3 updates apply to either (an Extended S3
 * update turns an S3 destination into an Extended S3 one, as the service does); an Elasticsearch
 * or OpenSearch destination stays one; other switches (e.g. S3 to HTTP endpoint) take the update
 * as the new kind's whole configuration. Dynamic partitioning is fixed at creation.
 *
 * <p>Thread-safe.
 */
public final class DestinationUpdates {

    private static final Set<DestinationKind> S3_KINDS = EnumSet.of(DestinationKind.S3, DestinationKind.EXTENDED_S3);
    private static final Set<DestinationKind> SEARCH_KINDS =
        EnumSet.of(DestinationKind.ELASTICSEARCH, DestinationKind.AMAZON_OPENSEARCH_SERVICE);

    private final DeliveryCatalog catalog;
    private final DeliveryEngine engine;

    DestinationUpdates(DeliveryCatalog catalog, DeliveryEngine engine) {
        this.catalog = catalog;
        this.engine = engine;
    }

    /**
     * @param currentVersionId CurrentDeliveryStreamVersionId as given (digits)
     * @param updates every {@code <Kind>DestinationUpdate} member given, by member name
     */
    public void update(String name, String currentVersionId, String destinationId, Map<String, ObjectNode> updates) {
        DestinationMembers.Chosen update = DestinationMembers.choose(updates, DestinationKind::updateMember,
            "DestinationUpdate");
        Stored stored = catalog.read(state -> {
            DeliveryStreamState stream = requireUpdatable(state, name, currentVersionId, destinationId);
            return new Stored(DestinationKind.valueOf(stream.destinationKind), stream.destination.deepCopy(),
                stream.versionId);
        });
        DestinationKind newKind = newKind(stored.kind(), update.kind());
        ObjectNode configuration = newKind == stored.kind() || S3_KINDS.contains(stored.kind())
            && S3_KINDS.contains(newKind)
            ? DestinationRules.of(newKind).update(stored.configuration(), update.node())
            : DestinationRules.of(newKind).configure(ConfigNodes.renamed(update.node(), DestinationRules.UPDATE_MEMBERS));
        checkPartitioning(stored.configuration(), configuration);
        DeliveryStreamSpec spec = catalog.mutate(state -> {
            DeliveryStreamState stream = requireUpdatable(state, name, currentVersionId, destinationId);
            if (stream.versionId != stored.versionId()) {
                throw concurrent(name, currentVersionId, stream.versionId);
            }
            stream.destinationKind = newKind.name();
            stream.destination = configuration;
            stream.versionId++;
            stream.lastUpdateMillis = catalog.now();
            return Specs.of(catalog, stream);
        });
        engine.run(spec);
    }

    private record Stored(DestinationKind kind, ObjectNode configuration, long versionId) {
    }

    private DeliveryStreamState requireUpdatable(DeliveryCatalogState state, String name, String currentVersionId,
            String destinationId) {
        DeliveryStreamState stream = catalog.require(state, name);
        if (!DeliveryStreamStatus.isActive(stream, catalog.now())) {
            throw new DeliveryException(DeliveryErrorType.RESOURCE_IN_USE, "Firehose stream " + name + " under account "
                + catalog.settings().accountId() + " is not ACTIVE.");
        }
        if (!String.valueOf(stream.versionId).equals(stripZeros(currentVersionId))) {
            throw concurrent(name, currentVersionId, stream.versionId);
        }
        if (!DeliveryStreamDescription.DESTINATION_ID.equals(destinationId)) {
            throw DeliveryException.invalidArgument("Destination " + destinationId + " not found in Firehose stream "
                + name + "; its destination is " + DeliveryStreamDescription.DESTINATION_ID + ".");
        }
        return stream;
    }

    private static DestinationKind newKind(DestinationKind stored, DestinationKind updated) {
        if (SEARCH_KINDS.contains(stored) != SEARCH_KINDS.contains(updated) || SEARCH_KINDS.contains(stored)
            && stored != updated) {
            throw DeliveryException.invalidArgument("A " + stored.configurationMember().replace("DestinationConfiguration", "")
                + " destination cannot be changed to " + updated.updateMember().replace("DestinationUpdate", "") + ".");
        }
        if (stored == DestinationKind.EXTENDED_S3 && updated == DestinationKind.S3) {
            return DestinationKind.EXTENDED_S3;
        }
        return updated;
    }

    private static void checkPartitioning(ObjectNode before, ObjectNode after) {
        boolean was = ConfigNodes.enabled(before, "DynamicPartitioningConfiguration", false);
        boolean is = ConfigNodes.enabled(after, "DynamicPartitioningConfiguration", false);
        if (was != is) {
            throw DeliveryException.invalidArgument("DynamicPartitioningConfiguration is fixed when a Firehose stream "
                + "is created; UpdateDestination cannot enable or disable it.");
        }
    }

    private static DeliveryException concurrent(String name, String given, long current) {
        return new DeliveryException(DeliveryErrorType.CONCURRENT_MODIFICATION, "Cannot update Firehose stream " + name
            + " with version " + given + ": its current version is " + current + ".");
    }

    private static String stripZeros(String digits) {
        return digits.replaceFirst("^0+(?=\\d)", "");
    }
}
