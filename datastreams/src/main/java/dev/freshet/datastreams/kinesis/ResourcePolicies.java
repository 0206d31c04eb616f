package dev.freshet.datastreams.kinesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.datastreams.kinesis.internal.CatalogState;
import dev.freshet.datastreams.kinesis.internal.ConsumerArns;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;

import java.io.IOException;

/**
 * Put/Get/DeleteResourcePolicy on streams and consumers. Policies are validated (an IAM policy
 * document: a JSON object whose Statement entries each have an Effect of Allow or Deny, a
 * Principal and Kinesis actions) and stored; they are enforced once requests are authenticated.
 *
 * <p>Thread-safe.
 */
public final class ResourcePolicies {

    public static final int MAX_POLICY_BYTES = 20 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StreamCatalog catalog;
    private final Consumers consumers;

    public ResourcePolicies(StreamCatalog catalog, Consumers consumers) {
        this.catalog = catalog;
        this.consumers = consumers;
    }

    public void put(String resourceArn, String policy) {
        validate(policy);
        catalog.mutate(state -> {
            setPolicy(state, resourceArn, policy);
            return null;
        });
    }

    /** The stored policy, or "{}" when the resource has none. */
    public String get(String resourceArn) {
        return catalog.read(state -> {
            String policy = policyOf(state, resourceArn);
            return policy == null ? "{}" : policy;
        });
    }

    public void delete(String resourceArn) {
        catalog.mutate(state -> {
            if (policyOf(state, resourceArn) == null) {
                throw KinesisErrorType.RESOURCE_NOT_FOUND.exception("No resource policy found for resource ARN %s.", resourceArn);
            }
            setPolicy(state, resourceArn, null);
            return null;
        });
    }

    private String policyOf(CatalogState state, String arn) {
        if (ConsumerArns.isConsumerArn(arn)) {
            return consumers.find(state, null, null, arn).consumer().policy;
        }
        return catalog.require(state, StreamRef.byArn(arn)).policy;
    }

    private void setPolicy(CatalogState state, String arn, String policy) {
        if (ConsumerArns.isConsumerArn(arn)) {
            consumers.find(state, null, null, arn).consumer().policy = policy;
        } else {
            catalog.require(state, StreamRef.byArn(arn)).policy = policy;
        }
    }

    static void validate(String policy) {
        if (policy.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_POLICY_BYTES) {
            throw invalid("the policy is larger than 20 KB");
        }
        JsonNode document;
        try {
            document = JSON.readTree(policy);
        } catch (IOException e) {
            throw invalid("the policy is not valid JSON");
        }
        if (document == null || !document.isObject()) {
            throw invalid("the policy must be a JSON object");
        }
        JsonNode statements = document.get("Statement");
        if (statements == null || (!statements.isArray() && !statements.isObject()) || statements.isEmpty()) {
            throw invalid("the policy must have a Statement");
        }
        for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
            validateStatement(statement);
        }
    }

    private static void validateStatement(JsonNode statement) {
        String effect = statement.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw invalid("each Statement needs an Effect of Allow or Deny");
        }
        if (!statement.has("Principal") && !statement.has("NotPrincipal")) {
            throw invalid("each Statement of a resource policy needs a Principal");
        }
        JsonNode actions = statement.has("Action") ? statement.get("Action") : statement.get("NotAction");
        if (actions == null) {
            throw invalid("each Statement needs an Action");
        }
        for (JsonNode action : actions.isArray() ? actions : JSON.createArrayNode().add(actions)) {
            String name = action.asText("");
            if (!name.equals("*") && !name.startsWith("kinesis:")) {
                throw invalid("action " + name + " is not a Kinesis action");
            }
        }
    }

    private static KinesisException invalid(String why) {
        return KinesisErrorType.INVALID_ARGUMENT.exception("Invalid resource policy: %s.", why);
    }
}
