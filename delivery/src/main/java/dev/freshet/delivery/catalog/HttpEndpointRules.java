package dev.freshet.delivery.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import dev.freshet.delivery.DestinationKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

/**
 * HttpEndpointDestinationConfiguration: EndpointConfiguration.Url (http or https: the service
 * allows only https on port 443, Freshet also plain http so endpoints on a private network or
 * loopback work), BufferingHints 1–64 MB / 0–900 s (defaults 5 MB, 300 s), RequestConfiguration
 * (default ContentEncoding NONE), RetryOptions (default 300 s), S3BackupMode (default
 * FailedDataOnly) and the S3Configuration failed data go to. The access key is never described.
 */
final class HttpEndpointRules extends DestinationRules {

    HttpEndpointRules() {
        super(DestinationKind.HTTP_ENDPOINT);
    }

    @Override
    void check(ObjectNode configuration, String path) {
        require(configuration, path, "EndpointConfiguration", "S3Configuration");
        ObjectNode endpoint = ConfigNodes.child(configuration, "EndpointConfiguration");
        require(endpoint, path + ".EndpointConfiguration", "Url");
        url(ConfigNodes.text(endpoint, "Url"), path + ".EndpointConfiguration.Url");
        BufferingRules.HTTP_ENDPOINT.apply(configuration, path);
        ConfigNodes.defaultText(ConfigNodes.childOrNew(configuration, "RequestConfiguration"), "ContentEncoding", "NONE");
        ConfigNodes.defaultInt(ConfigNodes.childOrNew(configuration, "RetryOptions"), "DurationInSeconds", 300);
        ConfigNodes.defaultText(configuration, "S3BackupMode", "FailedDataOnly");
        CloudWatchLogging.apply(configuration);
        s3Configuration(configuration, path, ALL_COMPRESSIONS);
    }

    @Override
    Map<String, String> descriptionMembers() {
        return Map.of("S3Configuration", "S3DestinationDescription");
    }

    @Override
    void hideSecrets(ObjectNode description) {
        ObjectNode endpoint = ConfigNodes.child(description, "EndpointConfiguration");
        if (endpoint != null) {
            endpoint.remove("AccessKey");
        }
    }

    private static void url(String url, String path) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !Set.of("http", "https").contains(String.valueOf(uri.getScheme()))) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw DeliveryException.invalidArgument(path + " '" + url + "' is not an http or https URL.");
        }
    }
}
