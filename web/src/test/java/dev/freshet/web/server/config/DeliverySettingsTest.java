package dev.freshet.web.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.delivery.catalog.PutQuota;
import dev.freshet.delivery.store.S3StoreSettings;
import dev.freshet.web.server.config.ConfigException.Reason;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code s3-*} and {@code delivery-*} settings as {@link ConfigParser} reads them. */
class DeliverySettingsTest {

    private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:enrich";
    private static final String DOMAIN = "arn:aws:es:us-east-1:000000000000:domain/logs";

    private static FreshetConfig parse(Map<String, String> env, String... args) throws ConfigException {
        return new ConfigParser(env).parse(args);
    }

    private static ConfigException failure(String... args) {
        try {
            parse(Map.of(), args);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("expected a ConfigException");
    }

    @Test
    void defaultsDeliverToTheLocalDirectory() throws ConfigException {
        DeliverySettings delivery = parse(Map.of()).delivery();

        assertThat(delivery.s3()).isEmpty();
        assertThat(delivery.lambdaUrls()).isEmpty();
        assertThat(delivery.searchEndpoints()).isEmpty();
        assertThat(delivery.activePartitionsLimit()).isEqualTo(500);
        assertThat(delivery.putQuota()).isEqualTo(new PutQuota(2_000, 500_000, 5 * 1024 * 1024));
        assertThat(delivery.httpTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(delivery.lambdaTimeout()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void httpEndpointAndLambdaTimeoutsAreSettings() throws ConfigException {
        DeliverySettings delivery = parse(Map.of("FRESHET_DELIVERY_LAMBDA_TIMEOUT_MILLIS", "1500"),
            "--delivery-http-timeout-millis", "2000").delivery();

        assertThat(delivery.httpTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(delivery.lambdaTimeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void activePartitionsLimitAndDirectPutQuotaAreSettings() throws ConfigException {
        DeliverySettings delivery = parse(Map.of("FRESHET_DELIVERY_PUT_BYTES_PER_SECOND", "1048576"),
            "--delivery-active-partitions-limit", "5000", "--delivery-put-requests-per-second", "50",
            "--delivery-put-records-per-second", "1000").delivery();

        assertThat(delivery.activePartitionsLimit()).isEqualTo(5_000);
        assertThat(delivery.putQuota()).isEqualTo(new PutQuota(50, 1_000, 1_048_576));
    }

    @ParameterizedTest
    @CsvSource({"delivery-active-partitions-limit, 0", "delivery-active-partitions-limit, 5001",
        "delivery-put-requests-per-second, 0", "delivery-put-records-per-second, many",
        "delivery-put-bytes-per-second, 1023999", "delivery-http-timeout-millis, 0",
        "delivery-lambda-timeout-millis, soon"})
    void outOfRangeLimitsStopStartup(String key, String value) {
        assertThat(failure("--" + key, value).reason()).isEqualTo(Reason.INVALID_VALUE);
    }

    @Test
    void s3EndpointWithCredentialsAndDefaultsFromTheStoreSettings() throws ConfigException {
        DeliverySettings delivery = parse(Map.of("FRESHET_S3_SECRET_ACCESS_KEY", "s3cret"),
            "--s3-endpoint", "http://127.0.0.1:9000", "--s3-access-key-id", "minio").delivery();

        S3StoreSettings s3 = delivery.s3().orElseThrow();
        assertThat(s3.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(s3.region()).isEqualTo("us-east-1");
        assertThat(s3.accessKeyId()).isEqualTo("minio");
        assertThat(s3.secretAccessKey()).isEqualTo("s3cret");
        assertThat(s3.pathStyle()).isTrue();
        assertThat(s3.multipartThreshold()).isEqualTo(S3StoreSettings.DEFAULT_MULTIPART_THRESHOLD);
        assertThat(s3.partSize()).isEqualTo(S3StoreSettings.DEFAULT_PART_SIZE);
        assertThat(delivery.toString()).doesNotContain("s3cret");
        assertThat(parse(Map.of("FRESHET_S3_SECRET_ACCESS_KEY", "s3cret"), "--s3-endpoint", "http://127.0.0.1:9000",
            "--s3-access-key-id", "minio").toString()).doesNotContain("s3cret");
    }

    @Test
    void s3AddressingRegionAndMultipartSizes() throws ConfigException {
        S3StoreSettings s3 = parse(Map.of(), "--s3-endpoint", "https://s3.example.com", "--s3-access-key-id", "k",
            "--s3-secret-access-key", "s", "--s3-region", "garage", "--s3-path-style", "false",
            "--s3-multipart-threshold-bytes", "8388608", "--s3-part-bytes", "5242880").delivery().s3().orElseThrow();

        assertThat(s3.region()).isEqualTo("garage");
        assertThat(s3.pathStyle()).isFalse();
        assertThat(s3.multipartThreshold()).isEqualTo(8_388_608);
        assertThat(s3.partSize()).isEqualTo(5_242_880);
    }

    @Test
    void s3EndpointNeedsBothKeys() {
        assertThat(failure("--s3-endpoint", "http://127.0.0.1:9000").reason()).isEqualTo(Reason.CONFLICT);
        assertThat(failure("--s3-endpoint", "http://127.0.0.1:9000", "--s3-access-key-id", "k").reason())
            .isEqualTo(Reason.CONFLICT);
    }

    @Test
    void lambdaUrlsAndSearchEndpoints() throws ConfigException {
        DeliverySettings delivery = parse(Map.of(), "--delivery-lambda-urls", LAMBDA + "=http://127.0.0.1:9001/fn",
            "--delivery-search-endpoints", " " + DOMAIN + "=http://127.0.0.1:9200 ,").delivery();

        assertThat(delivery.lambdaUrls()).containsOnly(Map.entry(LAMBDA, URI.create("http://127.0.0.1:9001/fn")));
        assertThat(delivery.searchEndpoints()).containsOnly(Map.entry(DOMAIN, URI.create("http://127.0.0.1:9200")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "s3-endpoint; 127.0.0.1:9000", "s3-endpoint; ftp://host/", "s3-endpoint; http://", "s3-region; 'us east'",
        "s3-path-style; yes", "s3-multipart-threshold-bytes; 5242879", "s3-part-bytes; 5242879",
        "s3-part-bytes; 2147483648", "delivery-lambda-urls; enrich=http://127.0.0.1/",
        "delivery-lambda-urls; arn:aws:lambda:us-east-1:000000000000:function:f=ftp://x/",
        "delivery-search-endpoints; logs=http://127.0.0.1:9200",
        "delivery-search-endpoints; arn:aws:es:us-east-1:000000000000:domain/logs",
        "delivery-search-endpoints; arn:aws:es:us-east-1:000000000000:domain/logs=file:///tmp",
        "delivery-search-endpoints; arn:aws:es:us-east-1:000000000000:domain/logs=http://a,"
            + "arn:aws:es:us-east-1:000000000000:domain/logs=http://b"})
    void invalidValueIsRefusedWithItsSetting(String key, String value) {
        ConfigException e = failure("--" + key + "=" + value);

        assertThat(e.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(e.getMessage()).contains(key).contains("flag --" + key);
    }

    @Test
    void secretKeyNeverAppearsInErrors() {
        ConfigException e = failure("--s3-secret-access-key", "s3cret", "--s3-part-bytes", "x");

        assertThat(e.getMessage()).doesNotContain("s3cret");
    }
}
