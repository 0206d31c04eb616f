package dev.freshet.delivery.destination.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP endpoint destination's configuration, read from the API's
 * {@code HttpEndpointDestinationConfiguration} document:
 *
 * <pre>
 * EndpointConfiguration { Url, Name?, AccessKey? }
 * BufferingHints        { SizeInMBs 1..64 (5), IntervalInSeconds 0..900 (300) }
 * RequestConfiguration  { ContentEncoding NONE|GZIP, CommonAttributes [{AttributeName, AttributeValue}] ≤ 50 }
 * RetryOptions          { DurationInSeconds 0..7200 (300) }
 * S3BackupMode          FailedDataOnly | AllData
 * S3Configuration       the backup bucket (kept as given: the engine writes backups and error output)
 * </pre>
 *
 * <p>Unlike AWS (https on port 443 only), any http or https URL is accepted: Freshet delivers to
 * self-hosted receivers too. Unknown members are the catalog's to reject; this reads what delivery needs.
 *
 * @param commonAttributes in configuration order, sent as {@code X-Amz-Firehose-Common-Attributes}
 * @param accessKey sent verbatim as {@code X-Amz-Firehose-Access-Key}; null when none is configured
 * @param s3Configuration the S3Configuration member, or null
 */
public record HttpEndpointSettings(URI url, String name, String accessKey, ContentEncoding contentEncoding,
        Map<String, String> commonAttributes, Duration retryDuration, S3BackupMode s3BackupMode, int sizeInMBs,
        int intervalInSeconds, ObjectNode s3Configuration) {

    /** RequestConfiguration.ContentEncoding. */
    public enum ContentEncoding { NONE, GZIP }

    /** Which records also go to the S3Configuration bucket. */
    public enum S3BackupMode {
        FAILED_DATA_ONLY("FailedDataOnly"), ALL_DATA("AllData");

        private final String awsName;

        S3BackupMode(String awsName) {
            this.awsName = awsName;
        }

        public String awsName() {
            return awsName;
        }
    }

    private static final int MAX_ACCESS_KEY_BYTES = 4096;
    private static final int MAX_COMMON_ATTRIBUTES = 50;

    public HttpEndpointSettings {
        commonAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(commonAttributes));
    }

    /**
     * Reads the configuration document.
     *
     * @throws DeliveryException INVALID_ARGUMENT naming the member that is missing or out of range
     */
    public static HttpEndpointSettings parse(ObjectNode configuration) {
        JsonNode endpoint = configuration.path("EndpointConfiguration");
        URI url = url(endpoint.path("Url"));
        String accessKey = text(endpoint, "AccessKey");
        if (accessKey != null && accessKey.getBytes(StandardCharsets.UTF_8).length > MAX_ACCESS_KEY_BYTES) {
            throw invalid("EndpointConfiguration.AccessKey is longer than 4096 bytes");
        }
        if (accessKey != null && !accessKey.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            // it travels verbatim in a header: no line breaks or control characters, and the JDK's
            // HTTP client would turn non-ASCII into '?' (base64 binary or non-ASCII keys, as the service advises)
            throw invalid("EndpointConfiguration.AccessKey must be printable ASCII (base64-encode anything else)");
        }
        JsonNode request = configuration.path("RequestConfiguration");
        JsonNode hints = configuration.path("BufferingHints");
        JsonNode s3 = configuration.get("S3Configuration");
        return new HttpEndpointSettings(url, text(endpoint, "Name"), accessKey, contentEncoding(request),
            commonAttributes(request.path("CommonAttributes")),
            Duration.ofSeconds(integer(configuration.path("RetryOptions"), "DurationInSeconds", 300, 0, 7200)),
            backupMode(text(configuration, "S3BackupMode")), integer(hints, "SizeInMBs", 5, 1, 64),
            integer(hints, "IntervalInSeconds", 300, 0, 900), s3 instanceof ObjectNode node ? node : null);
    }

    public boolean gzip() {
        return contentEncoding == ContentEncoding.GZIP;
    }

    /** Never prints the access key. */
    @Override
    public String toString() {
        return "HttpEndpointSettings[url=" + url + ", name=" + name + ", accessKey=" + (accessKey == null ? "none" : "***")
            + ", contentEncoding=" + contentEncoding + ", commonAttributes=" + commonAttributes.keySet()
            + ", retryDuration=" + retryDuration + ", s3BackupMode=" + s3BackupMode + "]";
    }

    private static URI url(JsonNode node) {
        if (!node.isTextual() || node.asText().isEmpty() || node.asText().length() > 1000) {
            throw invalid("EndpointConfiguration.Url is required (1 to 1000 characters)");
        }
        try {
            URI url = new URI(node.asText());
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw invalid("EndpointConfiguration.Url must be an absolute http or https URL: " + node.asText());
            }
            return url;
        } catch (URISyntaxException e) {
            throw invalid("EndpointConfiguration.Url is not a URL: " + e.getMessage());
        }
    }

    private static ContentEncoding contentEncoding(JsonNode request) {
        String value = text(request, "ContentEncoding");
        if (value == null) {
            return ContentEncoding.NONE;
        }
        try {
            return ContentEncoding.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw invalid("RequestConfiguration.ContentEncoding must be NONE or GZIP: " + value);
        }
    }

    private static Map<String, String> commonAttributes(JsonNode list) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (list.isMissingNode() || list.isNull()) {
            return attributes;
        }
        if (!list.isArray() || list.size() > MAX_COMMON_ATTRIBUTES) {
            throw invalid("RequestConfiguration.CommonAttributes must be a list of at most 50 attributes");
        }
        for (JsonNode attribute : list) {
            String name = text(attribute, "AttributeName");
            String value = text(attribute, "AttributeValue");
            if (name == null || name.isEmpty() || name.length() > 256 || value == null || value.length() > 1024) {
                throw invalid("CommonAttributes need AttributeName (1 to 256 characters) and AttributeValue "
                    + "(0 to 1024 characters)");
            }
            attributes.put(name, value);
        }
        return attributes;
    }

    private static S3BackupMode backupMode(String value) {
        if (value == null || value.equals("FailedDataOnly")) {
            return S3BackupMode.FAILED_DATA_ONLY;
        }
        if (value.equals("AllData")) {
            return S3BackupMode.ALL_DATA;
        }
        throw invalid("S3BackupMode must be FailedDataOnly or AllData: " + value);
    }

    private static int integer(JsonNode parent, String field, int defaultValue, int min, int max) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return defaultValue;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < min || node.asInt() > max) {
            throw invalid(field + " must be an integer from " + min + " to " + max + ": " + node);
        }
        return node.asInt();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a string");
        }
        return node.asText();
    }

    private static DeliveryException invalid(String message) {
        return DeliveryException.invalidArgument(message);
    }
}
