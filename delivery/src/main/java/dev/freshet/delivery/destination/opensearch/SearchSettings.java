package dev.freshet.delivery.destination.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DestinationKind;
import dev.freshet.delivery.destination.ConfigFields;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * An ElasticsearchDestinationConfiguration or AmazonopensearchserviceDestinationConfiguration read
 * into what the {@code _bulk} destination needs.
 *
 * <p>The cluster: ClusterEndpoint is used as given, {@code https://} or (for local clusters)
 * {@code http://}; user information in it ({@code https://user:password@host}) becomes HTTP Basic
 * authentication, since AWS SigV4 signing of the domain's IAM role has no meaning here. A
 * DomainARN cannot be resolved without AWS: it is looked up in the server's domain-endpoint
 * settings map, and refused when not there.
 *
 * @param kind ELASTICSEARCH or AMAZON_OPENSEARCH_SERVICE
 * @param endpoint the cluster's base URL, without user information
 * @param authorization the Authorization header value, or null
 * @param typeName TypeName for Elasticsearch 6 ({@code _type}), null when absent, empty or OpenSearch
 * @param firehoseDocumentIds DocumentIdOptions FIREHOSE_DEFAULT (the default): stable ids per record
 * @param retry RetryOptions.DurationInSeconds (0–7200, default 300)
 * @param allDocumentsBackup S3BackupMode AllDocuments (the engine backs every record up to
 *     S3Configuration); FailedDocumentsOnly, the default, otherwise
 * @param bufferSizeMb BufferingHints.SizeInMBs (1–100, default 5)
 * @param bufferIntervalSeconds BufferingHints.IntervalInSeconds (0–900, default 300)
 */
public record SearchSettings(DestinationKind kind, URI endpoint, String authorization, String indexName,
        IndexRotation rotation, String typeName, boolean firehoseDocumentIds, Duration retry, boolean allDocumentsBackup,
        int bufferSizeMb, int bufferIntervalSeconds) {

    @Override
    public String toString() {
        return "SearchSettings[" + kind + ", " + endpoint + ", index " + indexName + " " + rotation.awsName() + "]";
    }

    /**
     * @param domainEndpoints DomainARN → cluster URL, from the server's settings (may be empty)
     */
    public static SearchSettings parse(DestinationKind kind, ObjectNode config, Map<String, URI> domainEndpoints) {
        String path = kind.configurationMember();
        URI cluster = cluster(config, path, domainEndpoints);
        String indexName = ConfigFields.requiredText(config, path, "IndexName");
        IndexRotation rotation = IndexRotation.of(ConfigFields.text(config, "IndexRotationPeriod"), path);
        String typeName = ConfigFields.text(config, "TypeName");
        if (kind != DestinationKind.ELASTICSEARCH || typeName == null || typeName.isEmpty()) {
            typeName = null;
        }
        boolean firehoseIds = documentIds(config.get("DocumentIdOptions"), path);
        int retry = ConfigFields.intIn(config.get("RetryOptions"), path + ".RetryOptions", "DurationInSeconds", 0, 7200, 300);
        boolean allDocuments = backupMode(ConfigFields.text(config, "S3BackupMode"), path);
        JsonNode hints = config.get("BufferingHints");
        int size = ConfigFields.intIn(hints, path + ".BufferingHints", "SizeInMBs", 1, 100, 5);
        int interval = ConfigFields.intIn(hints, path + ".BufferingHints", "IntervalInSeconds", 0, 900, 300);
        JsonNode s3 = config.get("S3Configuration");
        if (s3 == null || !s3.isObject()) {
            throw DeliveryException.invalidArgument(path + ".S3Configuration is required");
        }
        ConfigFields.bucketName(ConfigFields.requiredText(s3, path + ".S3Configuration", "BucketARN"), path + ".S3Configuration");
        return new SearchSettings(kind, withoutUserInfo(cluster), basicAuthorization(cluster), indexName, rotation, typeName,
            firehoseIds, Duration.ofSeconds(retry), allDocuments, size, interval);
    }

    private static URI cluster(ObjectNode config, String path, Map<String, URI> domainEndpoints) {
        String endpoint = ConfigFields.text(config, "ClusterEndpoint");
        String domainArn = ConfigFields.text(config, "DomainARN");
        if ((endpoint == null) == (domainArn == null)) {
            throw DeliveryException.invalidArgument(path + ": specify either ClusterEndpoint or DomainARN");
        }
        if (endpoint == null) {
            URI mapped = domainEndpoints.get(domainArn);
            if (mapped == null) {
                throw DeliveryException.invalidArgument(path + ".DomainARN " + domainArn + " cannot be resolved here "
                    + "(there is no AWS account): give ClusterEndpoint, or map the domain to its URL in the server's settings");
            }
            return mapped;
        }
        try {
            URI uri = new URI(endpoint);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw DeliveryException.invalidArgument(path + ".ClusterEndpoint must be an https:// (or http://) URL, was " + endpoint);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw DeliveryException.invalidArgument(path + ".ClusterEndpoint is not a URL: " + e.getMessage());
        }
    }

    private static boolean documentIds(JsonNode options, String path) {
        String format = ConfigFields.text(options, "DefaultDocumentIdFormat");
        if (format == null || format.equals("FIREHOSE_DEFAULT")) {
            return true;
        }
        if (format.equals("NO_DOCUMENT_ID")) {
            return false;
        }
        throw DeliveryException.invalidArgument(path + ".DocumentIdOptions.DefaultDocumentIdFormat must be FIREHOSE_DEFAULT or "
            + "NO_DOCUMENT_ID, was " + format);
    }

    private static boolean backupMode(String mode, String path) {
        if (mode == null || mode.equals("FailedDocumentsOnly")) {
            return false;
        }
        if (mode.equals("AllDocuments")) {
            return true;
        }
        throw DeliveryException.invalidArgument(path + ".S3BackupMode must be FailedDocumentsOnly or AllDocuments, was " + mode);
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), path.endsWith("/") ? path : path + "/", null, null);
        } catch (URISyntaxException e) {
            throw DeliveryException.invalidArgument("ClusterEndpoint is not a URL: " + e.getMessage());
        }
    }

    private static String basicAuthorization(URI uri) {
        String userInfo = uri.getUserInfo();
        if (userInfo == null) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
