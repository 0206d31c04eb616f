package dev.freshet.web.server.config;

import static dev.freshet.web.server.config.Setting.*;

import dev.freshet.delivery.catalog.PutQuota;
import dev.freshet.delivery.catalog.RecordIntake;
import dev.freshet.delivery.process.lambda.LambdaSettings;
import dev.freshet.delivery.store.S3StoreSettings;
import dev.freshet.web.server.config.ConfigException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed reads of the delivery settings ({@code s3-*}, {@code delivery-*}) into a
 * {@link DeliverySettings}; a wrong value stops startup like every other setting.
 *
 * <p>Stateless, thread-safe.
 */
final class DeliverySettingsReader {

    /** S3-compatible stores name regions freely ({@code us-east-1}, {@code garage}, {@code minio}). */
    private static final Pattern S3_REGION_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern DOMAIN_ARN = Pattern.compile("arn:aws[a-z-]*:es:[a-z0-9-]+:[0-9]{12}:domain/[a-z][a-z0-9-]{2,27}");

    /** The most active partitions the service grants a delivery stream on request. */
    private static final int MAX_ACTIVE_PARTITIONS = 5_000;

    private DeliverySettingsReader() {
    }

    static DeliverySettings read(SettingValues v) throws ConfigException {
        return new DeliverySettings(s3(v), lambdaUrls(v), searchEndpoints(v),
            (int) v.number(DELIVERY_ACTIVE_PARTITIONS_LIMIT, 1, MAX_ACTIVE_PARTITIONS), putQuota(v),
            v.millis(DELIVERY_HTTP_TIMEOUT_MILLIS, 1), v.millis(DELIVERY_LAMBDA_TIMEOUT_MILLIS, 1));
    }

    private static PutQuota putQuota(SettingValues v) throws ConfigException {
        return new PutQuota((int) v.number(DELIVERY_PUT_REQUESTS_PER_SECOND, 1, Integer.MAX_VALUE),
            (int) v.number(DELIVERY_PUT_RECORDS_PER_SECOND, 1, Integer.MAX_VALUE),
            v.number(DELIVERY_PUT_BYTES_PER_SECOND, RecordIntake.MAX_RECORD_BYTES, Long.MAX_VALUE));
    }

    private static Optional<S3StoreSettings> s3(SettingValues v) throws ConfigException {
        // read every s3 value even without an endpoint, so a wrong one fails now rather than when it is first used
        String region = v.matching(S3_REGION, S3_REGION_NAME, "a region name such as us-east-1");
        boolean pathStyle = v.bool(S3_PATH_STYLE);
        long threshold = v.number(S3_MULTIPART_THRESHOLD_BYTES, S3StoreSettings.MIN_PART_SIZE, Long.MAX_VALUE);
        int partSize = (int) v.number(S3_PART_BYTES, S3StoreSettings.MIN_PART_SIZE, Integer.MAX_VALUE);
        Optional<String> endpoint = v.optionalText(S3_ENDPOINT);
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        URI url = httpUrl(v, S3_ENDPOINT, endpoint.get(), "an http:// or https:// URL such as http://127.0.0.1:9000");
        Optional<String> keyId = v.optionalText(S3_ACCESS_KEY_ID);
        Optional<String> secret = v.optionalText(S3_SECRET_ACCESS_KEY);
        if (keyId.isEmpty() || secret.isEmpty()) {
            throw new ConfigException(Reason.CONFLICT, "s3-endpoint is set (from " + v.origin(S3_ENDPOINT)
                + ") but s3-access-key-id or s3-secret-access-key is not: the store needs both");
        }
        return Optional.of(new S3StoreSettings(url, region, keyId.get(), secret.get(), pathStyle, threshold, partSize));
    }

    private static Map<String, URI> lambdaUrls(SettingValues v) throws ConfigException {
        try {
            return LambdaSettings.parseFunctionUrls(v.optionalText(DELIVERY_LAMBDA_URLS).orElse(""));
        } catch (IllegalArgumentException e) {
            throw v.invalid(DELIVERY_LAMBDA_URLS, "comma-separated arn:aws:lambda:…=http(s)://… pairs");
        }
    }

    private static Map<String, URI> searchEndpoints(SettingValues v) throws ConfigException {
        String expected = "comma-separated DomainARN=URL pairs (arn:aws:es:REGION:ACCOUNT:domain/NAME=http(s)://…, "
            + "each domain once)";
        Map<String, URI> endpoints = new LinkedHashMap<>();
        for (String part : v.optionalText(DELIVERY_SEARCH_ENDPOINTS).orElse("").split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] pair = part.split("=", 2);
            if (pair.length != 2 || !DOMAIN_ARN.matcher(pair[0].trim()).matches()) {
                throw v.invalid(DELIVERY_SEARCH_ENDPOINTS, expected);
            }
            URI url = httpUrl(v, DELIVERY_SEARCH_ENDPOINTS, pair[1].trim(), expected);
            if (endpoints.put(pair[0].trim(), url) != null) {
                throw v.invalid(DELIVERY_SEARCH_ENDPOINTS, expected);
            }
        }
        return endpoints;
    }

    private static URI httpUrl(SettingValues v, Setting setting, String text, String expected) throws ConfigException {
        try {
            URI url = new URI(text);
            String scheme = url.getScheme();
            if (scheme == null || url.getHost() == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw v.invalid(setting, expected);
            }
            return url;
        } catch (URISyntaxException e) {
            throw v.invalid(setting, expected);
        }
    }
}
