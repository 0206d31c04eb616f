package dev.freshet.delivery.destination.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.delivery.DeliveryErrorType;
import dev.freshet.delivery.DeliveryException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpEndpointSettingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void minimalConfigurationGetsTheServicesDefaults() throws Exception {
        HttpEndpointSettings settings = HttpEndpointSettings.parse(
            (ObjectNode) JSON.readTree("{\"EndpointConfiguration\":{\"Url\":\"https://example.test/in\"}}"));
        assertThat(settings.url()).hasToString("https://example.test/in");
        assertThat(settings.accessKey()).isNull();
        assertThat(settings.gzip()).isFalse();
        assertThat(settings.commonAttributes()).isEmpty();
        assertThat(settings.retryDuration()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.s3BackupMode()).isEqualTo(HttpEndpointSettings.S3BackupMode.FAILED_DATA_ONLY);
        assertThat(settings.sizeInMBs()).isEqualTo(5);
        assertThat(settings.intervalInSeconds()).isEqualTo(300);
        assertThat(settings.s3Configuration()).isNull();
    }

    @Test
    void fullConfigurationIsRead() throws Exception {
        HttpEndpointSettings settings = HttpEndpointSettings.parse((ObjectNode) JSON.readTree("""
            {"EndpointConfiguration":{"Url":"http://127.0.0.1:8080/x","Name":"mine","AccessKey":"k"},
             "BufferingHints":{"SizeInMBs":1,"IntervalInSeconds":0},
             "RequestConfiguration":{"ContentEncoding":"GZIP","CommonAttributes":[
                {"AttributeName":"b","AttributeValue":"2"},{"AttributeName":"a","AttributeValue":"1"}]},
             "RetryOptions":{"DurationInSeconds":0},
             "S3BackupMode":"AllData","S3Configuration":{"BucketARN":"arn:aws:s3:::backup"}}"""));
        assertThat(settings.name()).isEqualTo("mine");
        assertThat(settings.accessKey()).isEqualTo("k");
        assertThat(settings.gzip()).isTrue();
        assertThat(settings.commonAttributes()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
        assertThat(settings.retryDuration()).isZero();
        assertThat(settings.s3BackupMode()).isEqualTo(HttpEndpointSettings.S3BackupMode.ALL_DATA);
        assertThat(settings.sizeInMBs()).isEqualTo(1);
        assertThat(settings.intervalInSeconds()).isZero();
        assertThat(settings.s3Configuration().path("BucketARN").asText()).isEqualTo("arn:aws:s3:::backup");
        assertThat(settings.toString()).doesNotContain("\"k\"").contains("***");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"EndpointConfiguration\":{\"Url\":\"\"}}",
        "{\"EndpointConfiguration\":{\"Url\":\"ftp://host/x\"}}",
        "{\"EndpointConfiguration\":{\"Url\":\"not a url\"}}",
        "{\"EndpointConfiguration\":{\"Url\":\"https://h/\",\"AccessKey\":\"line\\nbreak\"}}",
        "{\"EndpointConfiguration\":{\"Url\":\"https://h/\",\"AccessKey\":\"caf\u00e9\"}}",
        "{\"EndpointConfiguration\":{\"Url\":\"https://h/\"},\"RequestConfiguration\":{\"ContentEncoding\":\"ZIP\"}}",
        "{\"EndpointConfiguration\":{\"Url\":\"https://h/\"},\"RequestConfiguration\":{\"CommonAttributes\":[{\"AttributeValue\":\"v\"}]}}",
        "{\"EndpointConfiguration\":{\"Url\":\"https://h/\"},\"RetryOptions\":{\"DurationInSeconds\":7201}}",
        "{\"EndpointConfiguration\":{\"Url\":\"https://h/\"},\"RetryOptions\":{\"DurationInSeconds\":\"300\"}}",
        "{\"EndpointConfiguration\":{\"Url\":\"https://h/\"},\"BufferingHints\":{\"SizeInMBs\":65}}",
        "{\"EndpointConfiguration\":{\"Url\":\"https://h/\"},\"BufferingHints\":{\"IntervalInSeconds\":901}}",
        "{\"EndpointConfiguration\":{\"Url\":\"https://h/\"},\"S3BackupMode\":\"Everything\"}",
    })
    void badConfigurationIsAnInvalidArgument(String json) throws Exception {
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
            () -> HttpEndpointSettings.parse((ObjectNode) JSON.readTree(json)));
        assertThat(e).isNotNull();
        assertThat(e.type()).isEqualTo(DeliveryErrorType.INVALID_ARGUMENT);
    }

    @Test
    void anAccessKeyOver4096BytesIsRefused() {
        ObjectNode config = JSON.createObjectNode();
        config.putObject("EndpointConfiguration").put("Url", "https://h/").put("AccessKey", "k".repeat(4097));
        assertThat(catchThrowableOfType(DeliveryException.class, () -> HttpEndpointSettings.parse(config))).isNotNull();
    }
}
