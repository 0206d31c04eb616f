package dev.freshet.web.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.catalog.CreateRequest;
import dev.freshet.delivery.catalog.DeliveryStreamDescription;
import dev.freshet.delivery.catalog.DeliveryStreams;
import dev.freshet.delivery.catalog.Page;
import dev.freshet.delivery.catalog.Tag;
import dev.freshet.web.protocol.Input;
import dev.freshet.web.protocol.OutputWriter;
import dev.freshet.web.protocol.Shape.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CreateDeliveryStream, DeleteDeliveryStream, DescribeDeliveryStream, ListDeliveryStreams and
 * UpdateDestination. Stateless apart from the service it calls; thread-safe.
 */
final class StreamOperations {

    private final DeliveryStreams streams;

    StreamOperations(DeliveryStreams streams) {
        this.streams = streams;
    }

    Map<String, FirehoseOperation> operations() {
        return Map.of(
            "CreateDeliveryStream", this::create,
            "DeleteDeliveryStream", (in, out) -> streams.streams().delete(name(in), in.bool("AllowForceDelete").orElse(false)),
            "DescribeDeliveryStream", this::describe,
            "ListDeliveryStreams", this::list,
            "UpdateDestination", (in, out) -> streams.destinations().update(name(in),
                in.string("CurrentDeliveryStreamVersionId").orElseThrow(), in.string("DestinationId").orElseThrow(),
                members(in, FirehoseInputs.DESTINATION_UPDATES)));
    }

    private void create(Input in, OutputWriter out) {
        CreateRequest.KinesisSource source = in.structure("KinesisStreamSourceConfiguration")
            .map(s -> new CreateRequest.KinesisSource(s.string("KinesisStreamARN").orElse(null),
                s.string("RoleARN").orElse(null)))
            .orElse(null);
        String arn = streams.streams().create(new CreateRequest(name(in), in.string("DeliveryStreamType").orElse(null),
            source, encryption(in), members(in, FirehoseInputs.DESTINATION_CONFIGURATIONS), tags(in)));
        out.string("DeliveryStreamARN", arn);
    }

    private void describe(Input in, OutputWriter out) {
        DeliveryStreamDescription description = streams.streams().describe(name(in), in.integer("Limit").orElse(null),
            in.string("ExclusiveStartDestinationId").orElse(null));
        out.startObject("DeliveryStreamDescription")
            .string("DeliveryStreamName", description.name())
            .string("DeliveryStreamARN", description.arn())
            .string("DeliveryStreamStatus", description.status());
        if (description.failure() != null) {
            // the service's failure types name KMS and VPC problems; delivery errors are UNKNOWN_ERROR
            out.startObject("FailureDescription").string("Type", "UNKNOWN_ERROR")
                .string("Details", description.failure()).endObject();
        }
        DeliveryStreamDescription.Encryption encryption = description.encryption();
        out.startObject("DeliveryStreamEncryptionConfiguration")
            .string("KeyARN", encryption.keyArn())
            .string("KeyType", encryption.keyType())
            .string("Status", encryption.status())
            .endObject();
        out.string("DeliveryStreamType", description.type())
            .string("VersionId", Long.toString(description.versionId()))
            .timestamp("CreateTimestamp", description.created())
            .timestamp("LastUpdateTimestamp", description.lastUpdate());
        if (description.source() != null) {
            out.startObject("Source").startObject("KinesisStreamSourceDescription")
                .string("KinesisStreamARN", description.source().kinesisStreamArn())
                .string("RoleARN", description.source().roleArn())
                .timestamp("DeliveryStartTimestamp", description.source().deliveryStartTimestamp())
                .endObject().endObject();
        }
        out.startArray("Destinations");
        for (DeliveryStreamDescription.Destination destination : description.destinations()) {
            out.startObject().string("DestinationId", destination.destinationId())
                .tree(destination.kind().descriptionMember(), destination.description())
                .endObject();
        }
        out.endArray().bool("HasMoreDestinations", description.hasMoreDestinations()).endObject();
    }

    private void list(Input in, OutputWriter out) {
        Page<String> page = streams.streams().list(in.integer("Limit").orElse(null),
            in.string("DeliveryStreamType").orElse(null), in.string("ExclusiveStartDeliveryStreamName").orElse(null));
        out.strings("DeliveryStreamNames", page.items()).bool("HasMoreDeliveryStreams", page.hasMore());
    }

    static String name(Input in) {
        return in.string("DeliveryStreamName").orElseThrow();
    }

    static CreateRequest.EncryptionInput encryption(Input in) {
        return in.structure("DeliveryStreamEncryptionConfigurationInput")
            .map(e -> new CreateRequest.EncryptionInput(e.string("KeyType").orElse(null), e.string("KeyARN").orElse(null)))
            .orElse(null);
    }

    static List<Tag> tags(Input in) {
        return in.structures("Tags").stream()
            .map(tag -> new Tag(tag.string("Key").orElseThrow(), tag.string("Value").orElse(null)))
            .toList();
    }

    /** The given members of {@code candidates}, by name in model order (their shapes were validated). */
    private static Map<String, ObjectNode> members(Input in, List<Member> candidates) {
        Map<String, ObjectNode> given = new LinkedHashMap<>();
        for (Member member : candidates) {
            JsonNode value = in.node().get(member.name());
            if (value instanceof ObjectNode object) {
                given.put(member.name(), object);
            }
        }
        return given;
    }
}
