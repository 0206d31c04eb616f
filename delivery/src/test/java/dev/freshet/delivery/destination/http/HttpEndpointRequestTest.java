package dev.freshet.delivery.destination.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.DeliveryRecord;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class HttpEndpointRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bodyIsTheSpecsDocument() throws Exception {
        HttpEndpointRequest request = HttpEndpointRequest.of(List.of(record("hello"), record("hello world"), record("")),
            1578090901599L, false);
        JsonNode body = JSON.readTree(request.body());
        assertThat(body).isEqualTo(JSON.readTree("{\"requestId\":\"" + request.requestId() + "\",\"timestamp\":1578090901599,"
            + "\"records\":[{\"data\":\"aGVsbG8=\"},{\"data\":\"aGVsbG8gd29ybGQ=\"},{\"data\":\"\"}]}"));
        assertThat(request.dataBytes()).isEqualTo(16);
    }

    @Test
    void gzipBodyDecompressesToTheSameDocument() throws Exception {
        HttpEndpointRequest request = HttpEndpointRequest.of(List.of(record("hello")), 1L, true);
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(request.body())).readAllBytes();
        assertThat(JSON.readTree(plain).path("records").get(0).path("data").asText()).isEqualTo("aGVsbG8=");
        assertThat(request.gzipped()).isTrue();
    }

    @Test
    void splitKeepsOrderAndRespects10000Records() {
        List<DeliveryRecord> records = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            records.add(record(Integer.toString(i)));
        }
        List<List<DeliveryRecord>> runs = HttpEndpointRequest.split(records);
        assertThat(runs).extracting(List::size).containsExactly(10_000, 10_000, 5_000);
        assertThat(runs.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(records);
    }

    @Test
    void splitRespects64MibOfBody() {
        DeliveryRecord big = new DeliveryRecord("r", 1L, new byte[1_000_000]);
        List<List<DeliveryRecord>> runs = HttpEndpointRequest.split(Collections.nCopies(120, big));
        long encodedPerRecord = 4L * ((1_000_000 + 2) / 3) + 12;
        assertThat(runs).allSatisfy(run -> assertThat(run.size() * encodedPerRecord)
            .isLessThanOrEqualTo(HttpEndpointRequest.MAX_BODY_BYTES));
        assertThat(runs).extracting(List::size).containsExactly(50, 50, 20);
    }

    @Test
    void emptyBatchMakesNoRequest() {
        assertThat(HttpEndpointRequest.split(List.of())).isEmpty();
    }

    private static DeliveryRecord record(String data) {
        return new DeliveryRecord(data, 1L, data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
