package dev.freshet.web.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.web.protocol.AwsError;
import dev.freshet.web.protocol.ProtocolException;
import dev.freshet.web.protocol.Shape;
import dev.freshet.web.protocol.Shape.ListShape;
import dev.freshet.web.protocol.Shape.MapShape;
import dev.freshet.web.protocol.Shape.Member;
import dev.freshet.web.protocol.Shape.StructureShape;
import java.util.Map;
import java.util.Set;

/**
 * Refuses members the model does not have inside the structured members of an input (destination
 * configurations and updates, source and encryption configurations): a misspelt
 * {@code BufferingHints.SizeInMB} would otherwise be ignored and the stream would deliver with
 * defaults the user did not ask for. The service answers such a member with
 * {@code ValidationException: Unknown parameter: ExtendedS3DestinationConfiguration.CustomTimeZone}
 * (seen where a partition lacked the member, hashicorp/terraform-provider-aws PR 48186); so does
 * Freshet, naming the member's path. Top-level unknown members are let through, as everywhere
 * (newer SDKs send members older models lack), as are the members of structures Freshet models
 * only partly (no members: destinations it does not serve; OrcSerDe: its double members).
 *
 * <p>Stateless, thread-safe. Expects a tree that passed type checking.
 */
final class UnknownMembers {

    private static final Set<String> PARTLY_MODELLED = Set.of("OrcSerDe");

    private UnknownMembers() {
    }

    static void check(StructureShape input, JsonNode request) {
        for (Member member : input.members()) {
            JsonNode value = request.get(member.name());
            if (value != null && !value.isNull()) {
                value(member.shape(), value, member.name());
            }
        }
    }

    private static void value(Shape shape, JsonNode value, String path) {
        if (shape instanceof StructureShape structure) {
            structure(structure, value, path);
        } else if (shape instanceof ListShape list) {
            for (int i = 0; i < value.size(); i++) {
                value(list.member(), value.get(i), path + "." + (i + 1));
            }
        } else if (shape instanceof MapShape map) {
            for (Map.Entry<String, JsonNode> entry : value.properties()) {
                value(map.value(), entry.getValue(), path + "." + entry.getKey());
            }
        }
    }

    private static void structure(StructureShape shape, JsonNode node, String path) {
        if (shape.members().isEmpty() || PARTLY_MODELLED.contains(shape.name()) || !node.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            Member member = find(shape, entry.getKey());
            if (member == null) {
                throw new ProtocolException(AwsError.validation("Unknown parameter: " + path + "." + entry.getKey()
                    + ", must be one of: " + String.join(", ", shape.members().stream().map(Member::name).toList())),
                    ProtocolException.Reason.CONSTRAINT_VIOLATION);
            }
            if (!entry.getValue().isNull()) {
                value(member.shape(), entry.getValue(), path + "." + entry.getKey());
            }
        }
    }

    private static Member find(StructureShape shape, String name) {
        for (Member member : shape.members()) {
            if (member.name().equals(name)) {
                return member;
            }
        }
        return null;
    }
}
