package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryEngine;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DeliveryMetrics;
import dev.freshet.delivery.DeliveryStreamSpec;
import dev.freshet.delivery.DestinationKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * CreateDeliveryStream, DeleteDeliveryStream, DescribeDeliveryStream and ListDeliveryStreams.
 * A created stream is CREATING for the transition time, then ACTIVE; a deleted one DELETING, then
 * gone. The engine runs a stream from its creation on and stops it when it is deleted.
 *
 * <p>Thread-safe.
 */
public final class StreamLifecycle {

    private static final int DEFAULT_LIST_LIMIT = 10;

    private final DeliveryCatalog catalog;
    private final DeliveryEngine engine;
    private final SourceStreams sources;

    StreamLifecycle(DeliveryCatalog catalog, DeliveryEngine engine, SourceStreams sources) {
        this.catalog = catalog;
        this.engine = engine;
        this.sources = sources;
    }

    /** Creates the stream and starts its delivery; returns its ARN. */
    public String create(CreateRequest request) {
        String type = request.type() == null ? Specs.DIRECT_PUT : request.type();
        String sourceStreamName = source(request, type);
        DestinationMembers.Chosen destination = DestinationMembers.choose(request.destinations(),
            DestinationKind::configurationMember, "DestinationConfiguration");
        ObjectNode configuration = DestinationRules.of(destination.kind()).configure(destination.node());
        EncryptionSettings.check(request.encryption(), type);
        StreamTags.checkUnique(request.tags());
        DeliveryStreamSpec spec = catalog.mutate(state -> {
            DeliveryStreamState existing = state.streams.get(request.name());
            if (existing != null) {
                throw new DeliveryException(DeliveryErrorType.RESOURCE_IN_USE, "Firehose stream " + request.name()
                    + " under account " + catalog.settings().accountId() + " already exists.");
            }
            if (state.streams.size() >= catalog.settings().streamLimit()) {
                throw new DeliveryException(DeliveryErrorType.LIMIT_EXCEEDED, "You have already consumed your "
                    + "firehose quota of " + catalog.settings().streamLimit() + " hoses. Firehose names: "
                    + String.join(", ", state.streams.keySet()) + ".");
            }
            DeliveryStreamState stream = newStream(request, type, sourceStreamName, destination.kind(), configuration);
            state.streams.put(stream.name, stream);
            return Specs.of(catalog, stream);
        });
        try {
            engine.run(spec);
        } catch (RuntimeException e) {
            // the engine's last-line refusal: a stream that cannot run must not stay in the catalog
            catalog.mutate(state -> state.streams.remove(request.name()));
            throw e;
        }
        return spec.ref().arn();
    }

    /**
     * Starts deleting the stream: delivery stops now and undelivered records are discarded; the
     * name is free once the DELETING phase is over. A stream still CREATING cannot be deleted.
     */
    public void delete(String name, boolean allowForceDelete) {
        boolean started = catalog.mutate(state -> {
            DeliveryStreamState stream = catalog.require(state, name);
            long now = catalog.now();
            String status = DeliveryStreamStatus.of(stream, now);
            if (status.equals(DeliveryStreamStatus.DELETING)) {
                return false;
            }
            if (status.equals(DeliveryStreamStatus.CREATING)) {
                throw new DeliveryException(DeliveryErrorType.RESOURCE_IN_USE, "Firehose stream " + name
                    + " under account " + catalog.settings().accountId() + " is in CREATING state and cannot be deleted.");
            }
            stream.deletedAtMillis = Math.max(now + catalog.settings().transition().toMillis(), now + 1);
            return true;
        });
        if (started) {
            engine.delete(name);
        }
    }

    /** The stream's description; a stream has one destination, so only its page is cut. */
    public DeliveryStreamDescription describe(String name, Integer limit, String exclusiveStartDestinationId) {
        return catalog.read(state -> {
            DeliveryStreamState stream = catalog.require(state, name);
            long now = catalog.now();
            List<DeliveryStreamDescription.Destination> destinations = new ArrayList<>();
            boolean after = exclusiveStartDestinationId != null
                && exclusiveStartDestinationId.compareTo(DeliveryStreamDescription.DESTINATION_ID) >= 0;
            if (!after && (limit == null || limit > 0)) {
                DestinationKind kind = DestinationKind.valueOf(stream.destinationKind);
                destinations.add(new DeliveryStreamDescription.Destination(DeliveryStreamDescription.DESTINATION_ID,
                    kind, DestinationRules.of(kind).describe(stream.destination)));
            }
            DeliveryStreamDescription.Source source = Specs.KINESIS_STREAM_AS_SOURCE.equals(stream.type)
                ? new DeliveryStreamDescription.Source(stream.kinesisStreamArn, stream.sourceRoleArn,
                    Instant.ofEpochMilli(stream.deliveryStartMillis))
                : null;
            return new DeliveryStreamDescription(stream.name, catalog.arn(stream.name),
                DeliveryStreamStatus.of(stream, now), stream.type, stream.versionId,
                Instant.ofEpochMilli(stream.createdMillis), Instant.ofEpochMilli(stream.lastUpdateMillis), source,
                destinations, false, EncryptionSettings.describe(stream, now),
                engine.metrics(stream.name).map(DeliveryMetrics::failureDescription).orElse(null));
        });
    }

    /** Stream names in order, after {@code exclusiveStartName}, of {@code type} (all types when null). */
    public Page<String> list(Integer limit, String type, String exclusiveStartName) {
        int max = limit == null ? DEFAULT_LIST_LIMIT : limit;
        return catalog.read(state -> {
            long now = catalog.now();
            List<String> names = new ArrayList<>();
            boolean more = false;
            var candidates = exclusiveStartName == null ? state.streams.values()
                : state.streams.tailMap(exclusiveStartName, false).values();
            for (DeliveryStreamState stream : candidates) {
                if (DeliveryStreamStatus.gone(stream, now) || (type != null && !type.equals(stream.type))) {
                    continue;
                }
                if (names.size() == max) {
                    more = true;
                    break;
                }
                names.add(stream.name);
            }
            return new Page<>(names, more);
        });
    }

    private String source(CreateRequest request, String type) {
        switch (type) {
            case Specs.DIRECT_PUT -> {
                if (request.kinesisSource() != null) {
                    throw DeliveryException.invalidArgument("KinesisStreamSourceConfiguration is only allowed with "
                        + "DeliveryStreamType KinesisStreamAsSource.");
                }
                return null;
            }
            case Specs.KINESIS_STREAM_AS_SOURCE -> {
                CreateRequest.KinesisSource source = request.kinesisSource();
                if (source == null || source.streamArn() == null || source.roleArn() == null) {
                    throw DeliveryException.invalidArgument("KinesisStreamSourceConfiguration with KinesisStreamARN "
                        + "and RoleARN is required for DeliveryStreamType KinesisStreamAsSource.");
                }
                return sources.streamName(source.streamArn()).orElseThrow(() -> DeliveryException.invalidArgument(
                    "Kinesis stream " + source.streamArn() + " does not exist or is not in this account and region."));
            }
            default -> throw DeliveryException.invalidArgument("DeliveryStreamType " + type
                + " is not supported by Freshet: use DirectPut or KinesisStreamAsSource.");
        }
    }

    private DeliveryStreamState newStream(CreateRequest request, String type, String sourceStreamName,
            DestinationKind kind, ObjectNode configuration) {
        long now = catalog.now();
        DeliveryStreamState stream = new DeliveryStreamState();
        stream.name = request.name();
        stream.type = type;
        stream.createdMillis = now;
        stream.lastUpdateMillis = now;
        stream.activeAtMillis = now + catalog.settings().transition().toMillis();
        stream.destinationKind = kind.name();
        stream.destination = configuration;
        if (sourceStreamName != null) {
            stream.kinesisStreamArn = request.kinesisSource().streamArn();
            stream.kinesisStreamName = sourceStreamName;
            stream.sourceRoleArn = request.kinesisSource().roleArn();
            stream.deliveryStartMillis = now;
        }
        EncryptionSettings.apply(stream, request.encryption(), now);
        for (Tag tag : request.tags()) {
            stream.tags.put(tag.key(), tag.value());
        }
        return stream;
    }
}
