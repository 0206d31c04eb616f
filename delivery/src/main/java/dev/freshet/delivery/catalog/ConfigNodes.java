package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Small helpers over the AWS-shaped configuration documents (Jackson trees) the catalog stores:
 * reading members, filling defaults, merging updates, renaming members between the
 * Configuration, Update and Description shapes. Stateless.
 */
final class ConfigNodes {

    private ConfigNodes() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The member's text, or null when absent or null. */
    static String text(ObjectNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    static boolean has(ObjectNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && !value.isNull();
    }

    /** The nested structure, or null when absent. */
    static ObjectNode child(ObjectNode node, String member) {
        JsonNode value = node.get(member);
        return value instanceof ObjectNode object ? object : null;
    }

    /** The nested structure, created empty when absent. */
    static ObjectNode childOrNew(ObjectNode node, String member) {
        ObjectNode existing = child(node, member);
        return existing != null ? existing : node.putObject(member);
    }

    static void defaultText(ObjectNode node, String member, String value) {
        if (!has(node, member)) {
            node.put(member, value);
        }
    }

    static void defaultInt(ObjectNode node, String member, int value) {
        if (!has(node, member)) {
            node.put(member, value);
        }
    }

    /** {@code Enabled} of an optional switch structure; {@code absent} when the structure or the member is absent. */
    static boolean enabled(ObjectNode node, String member, boolean absent) {
        ObjectNode child = child(node, member);
        if (child == null) {
            return false;
        }
        JsonNode enabled = child.get("Enabled");
        return enabled == null || enabled.isNull() ? absent : enabled.asBoolean();
    }

    /**
     * Merges {@code update} into a copy of {@code target}: structures recursively, everything else
     * (scalars, lists such as Processors) replaced, explicit nulls ignored. Update member names are
     * first mapped through {@code renames} (e.g. {@code S3Update} to {@code S3Configuration}).
     */
    static ObjectNode merge(ObjectNode target, ObjectNode update, Map<String, String> renames) {
        ObjectNode result = target.deepCopy();
        for (Map.Entry<String, JsonNode> entry : update.properties()) {
            String name = renames.getOrDefault(entry.getKey(), entry.getKey());
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            ObjectNode existing = child(result, name);
            if (value instanceof ObjectNode nested && existing != null) {
                result.set(name, merge(existing, nested, renames));
            } else {
                result.set(name, value.deepCopy());
            }
        }
        return result;
    }

    /** A copy of {@code node} with top-level members renamed as {@code renames} says. */
    static ObjectNode renamed(ObjectNode node, Map<String, String> renames) {
        ObjectNode result = object();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            result.set(renames.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue().deepCopy());
        }
        return result;
    }
}
