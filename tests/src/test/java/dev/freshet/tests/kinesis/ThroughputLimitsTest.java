package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Clients;
import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** With {@code --enforce-limits} the service's per-shard and control-plane limits throttle like AWS does. */
class ThroughputLimitsTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--enforce-limits");

    private static KinesisClient noRetries;
    private static KinesisClient patient;

    @BeforeAll
    static void clients() {
        server.process();
        noRetries = Clients.sync(server.endpoint(), Wire.preferred(), o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        patient = Clients.sync(server.endpoint(), Wire.preferred(),
                o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(12).build()));
    }

    @AfterAll
    static void close() {
        if (noRetries != null) {
            noRetries.close();
            patient.close();
        }
    }

    @Test
    void writingFasterThanAThousandRecordsASecondToOneShardIsThrottled() {
        String name = Streams.create(patient, "put-limit", 1);
        List<PutRecordsRequestEntry> batch = IntStream.range(0, 500).mapToObj(i -> PutRecordsRequestEntry.builder()
                .partitionKey("k" + i).data(SdkBytes.fromUtf8String("v" + i)).build()).toList();

        List<PutRecordsResultEntry> failed = new ArrayList<>();
        List<AwsServiceException> thrown = new ArrayList<>();
        for (int call = 0; call < 6; call++) {
            try {
                PutRecordsResponse response = noRetries.putRecords(b -> b.streamName(name).records(batch));
                response.records().stream().filter(r -> r.errorCode() != null).forEach(failed::add);
                if (response.failedRecordCount() != null && response.failedRecordCount() > 0) {
                    assertThat(response.records().stream().filter(r -> r.errorCode() != null))
                            .hasSize(response.failedRecordCount());
                }
            } catch (ProvisionedThroughputExceededException e) {
                thrown.add(e);
            }
        }

        assertThat(failed.size() + thrown.size()).as("throttled records or calls").isPositive();
        assertThat(failed).allSatisfy(r -> {
            assertThat(r.errorCode()).isEqualTo("ProvisionedThroughputExceededException");
            assertThat(r.errorMessage()).isEqualTo("Rate exceeded for shard shardId-000000000000 in stream " + name
                    + " under account 000000000000.");
            assertThat(r.sequenceNumber()).isNull();
            assertThat(r.shardId()).isNull();
        });
    }

    @Test
    void moreThanFiveGetRecordsCallsASecondOnOneShardAreThrottledAndRetriesSucceed() {
        String name = Streams.create(patient, "get-limit", 1);
        Streams.put(patient, name, "k", "v");
        String iterator = Streams.iterator(patient, name, "shardId-000000000000", ShardIteratorType.TRIM_HORIZON);

        List<AwsServiceException> throttled = new ArrayList<>();
        for (int call = 0; call < 12; call++) {
            try {
                noRetries.getRecords(b -> b.shardIterator(iterator));
            } catch (ProvisionedThroughputExceededException e) {
                throttled.add(e);
            }
        }
        assertThat(throttled).isNotEmpty();

        for (int call = 0; call < 12; call++) {
            assertThat(patient.getRecords(b -> b.shardIterator(iterator)).records()).hasSize(1);
        }
    }

    @Test
    void controlPlaneCallsBeyondTheirRateGetLimitExceeded() {
        String name = Streams.create(patient, "control-limit", 1);

        List<AwsServiceException> limited = new ArrayList<>();
        for (int call = 0; call < 40; call++) {
            try {
                noRetries.describeStream(b -> b.streamName(name));
            } catch (LimitExceededException e) {
                limited.add(e);
            }
        }

        assertThat(limited).isNotEmpty();
        assertThat(Errors.code(limited.get(0))).isEqualTo("LimitExceededException");
        // once the account's DescribeStream budget refills, calls succeed again
        await().atMost(Duration.ofSeconds(5)).ignoreException(LimitExceededException.class)
            .untilAsserted(() -> assertThat(noRetries.describeStream(b -> b.streamName(name)).streamDescription()
                .streamName()).isEqualTo(name));
    }
}
