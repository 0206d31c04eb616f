package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DestinationKind;
import java.util.Map;

/**
 * ElasticsearchDestinationConfiguration and AmazonopensearchserviceDestinationConfiguration (one
 * shape): IndexName, ClusterEndpoint or DomainARN (http is allowed besides https; a DomainARN must be
 * mapped to its URL by the server's {@code delivery-search-endpoints}, which the engine checks when it
 * runs the stream, so an unmapped one is still refused at creation), IndexRotationPeriod (default OneDay),
 * BufferingHints 1–100 MB / 0–900 s (defaults 5 MB, 300 s), RetryOptions (default 300 s),
 * S3BackupMode (default FailedDocumentsOnly) and the S3Configuration for failed documents.
 */
final class SearchClusterRules extends DestinationRules {

    SearchClusterRules(DestinationKind kind) {
        super(kind);
    }

    @Override
    void check(ObjectNode configuration, String path) {
        require(configuration, path, "RoleARN", "IndexName", "S3Configuration");
        boolean domain = ConfigNodes.has(configuration, "DomainARN");
        boolean endpoint = ConfigNodes.has(configuration, "ClusterEndpoint");
        if (domain && endpoint) {
            throw DeliveryException.invalidArgument(path + ": specify DomainARN or ClusterEndpoint, not both.");
        }
        if (!domain && !endpoint) {
            throw DeliveryException.invalidArgument(path + ": specify DomainARN or ClusterEndpoint.");
        }
        ConfigNodes.defaultText(configuration, "IndexRotationPeriod", "OneDay");
        BufferingRules.SEARCH.apply(configuration, path);
        ConfigNodes.defaultInt(ConfigNodes.childOrNew(configuration, "RetryOptions"), "DurationInSeconds", 300);
        ConfigNodes.defaultText(configuration, "S3BackupMode", "FailedDocumentsOnly");
        CloudWatchLogging.apply(configuration);
        s3Configuration(configuration, path, ALL_COMPRESSIONS);
    }

    @Override
    Map<String, String> descriptionMembers() {
        return Map.of("S3Configuration", "S3DestinationDescription", "VpcConfiguration", "VpcConfigurationDescription");
    }
}
