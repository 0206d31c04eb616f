package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DestinationKind;
import java.util.Map;
import java.util.Set;

/**
 * What the API knows of one destination kind: how a {@code <Kind>DestinationConfiguration} is
 * checked and completed with the service's defaults, how a {@code <Kind>DestinationUpdate} merges
 * into the stored configuration, and how the stored configuration reads as a
 * {@code <Kind>DestinationDescription} (nested S3 configurations renamed to their description
 * members, secrets such as passwords and access keys left out). Model constraints (lengths,
 * patterns, enums, ranges, unknown members) are checked by the web layer against the model first;
 * these classes check what the model cannot say. Delivery itself belongs to the engine.
 *
 * <p>Stateless, thread-safe.
 */
abstract class DestinationRules {

    /** Update members of nested S3 structures, by the configuration member they update. */
    static final Map<String, String> UPDATE_MEMBERS = Map.of("S3Update", "S3Configuration",
        "S3BackupUpdate", "S3BackupConfiguration");

    private final DestinationKind kind;

    DestinationRules(DestinationKind kind) {
        this.kind = kind;
    }

    static DestinationRules of(DestinationKind kind) {
        return switch (kind) {
            case EXTENDED_S3 -> new ExtendedS3Rules();
            case S3 -> new PlainS3Rules();
            case HTTP_ENDPOINT -> new HttpEndpointRules();
            case REDSHIFT -> new RedshiftRules();
            case ELASTICSEARCH, AMAZON_OPENSEARCH_SERVICE -> new SearchClusterRules(kind);
        };
    }

    DestinationKind kind() {
        return kind;
    }

    /** A checked copy of {@code configuration} with the defaults filled in. */
    final ObjectNode configure(ObjectNode configuration) {
        ObjectNode copy = configuration.deepCopy();
        check(copy, kind.configurationMember());
        return copy;
    }

    /** The stored configuration {@code stored} with {@code update} merged in, checked and completed. */
    final ObjectNode update(ObjectNode stored, ObjectNode update) {
        ObjectNode merged = ConfigNodes.merge(stored, update, UPDATE_MEMBERS);
        check(merged, kind.configurationMember());
        return merged;
    }

    /** The {@code <Kind>DestinationDescription} of a stored configuration. */
    final ObjectNode describe(ObjectNode stored) {
        ObjectNode description = ConfigNodes.renamed(stored, descriptionMembers());
        hideSecrets(description);
        return description;
    }

    /** Checks {@code configuration} in place and fills its defaults; {@code path} names it in messages. */
    abstract void check(ObjectNode configuration, String path);

    /** Configuration members that have another name in the description. */
    Map<String, String> descriptionMembers() {
        return Map.of("S3Configuration", "S3DestinationDescription", "S3BackupConfiguration", "S3BackupDescription");
    }

    /** Removes what DescribeDeliveryStream does not show (passwords, access keys). */
    void hideSecrets(ObjectNode description) {
    }

    /** InvalidArgumentException unless every member is present. */
    static void require(ObjectNode node, String path, String... members) {
        for (String member : members) {
            if (!ConfigNodes.has(node, member)) {
                throw DeliveryException.invalidArgument(path + "." + member + " is required.");
            }
        }
    }

    /** The nested S3 configuration a non-S3 destination stages or backs up to. */
    static void s3Configuration(ObjectNode configuration, String path, Set<String> compressions) {
        require(configuration, path, "S3Configuration");
        ObjectNode s3 = ConfigNodes.child(configuration, "S3Configuration");
        if (s3 == null) {
            throw DeliveryException.invalidArgument(path + ".S3Configuration must be a structure.");
        }
        require(s3, path + ".S3Configuration", "RoleARN", "BucketARN");
        S3Rules.configure(s3, path + ".S3Configuration", compressions, false);
    }

    static final Set<String> ALL_COMPRESSIONS = Set.of("UNCOMPRESSED", "GZIP", "ZIP", "Snappy", "HADOOP_SNAPPY");
}
