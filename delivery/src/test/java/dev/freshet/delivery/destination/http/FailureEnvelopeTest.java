package dev.freshet.delivery.destination.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.delivery.DeliveryRecord;
import dev.freshet.delivery.SourceRecordMetadata;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The http-endpoint-failed envelope's subsequenceNumber: a Kinesis-sourced record's own, else 0. */
class FailureEnvelopeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AttemptOutcome REFUSED = AttemptOutcome.permanent("HttpEndpoint.PayloadTooLarge", "413");

    @Test
    void aSplitKinesisRecordCarriesItsSubsequenceNumber() throws IOException {
        SourceRecordMetadata source = new SourceRecordMetadata("arn:aws:kinesis:us-east-1:000000000000:stream/s",
            "shardId-000000000000", "pk", 1, "49650000000000000000000000000000000000000000000000000007", 3);
        JsonNode kinesis = JSON.readTree(FailureEnvelope.of(new DeliveryRecord("seq.3", 1, new byte[] {1}, Map.of(),
            source), 2, REFUSED, 10).envelope());
        JsonNode direct = JSON.readTree(FailureEnvelope.of(new DeliveryRecord("d", 1, new byte[] {1}), 2, REFUSED, 10)
            .envelope());

        assertThat(kinesis.get("subsequenceNumber").asLong()).isEqualTo(3);
        assertThat(kinesis.get("dataId").asText()).isEqualTo("seq.3");
        assertThat(direct.get("subsequenceNumber").asLong()).isZero();
    }
}
