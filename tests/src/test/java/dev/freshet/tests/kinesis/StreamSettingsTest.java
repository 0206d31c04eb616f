package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.tests.harness.Errors;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WireTest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeLimitsResponse;
import software.amazon.awssdk.services.kinesis.model.EncryptionType;
import software.amazon.awssdk.services.kinesis.model.EnableEnhancedMonitoringResponse;
import software.amazon.awssdk.services.kinesis.model.DisableEnhancedMonitoringResponse;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.MetricsName;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;
import software.amazon.awssdk.services.kinesis.model.UpdateStreamWarmThroughputResponse;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/** Retention, record size, warm throughput, limits, enhanced monitoring, encryption and resource policies. */
class StreamSettingsTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @WireTest
    void retentionPeriodMovesWithinTwentyFourTo8760Hours(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "retention", 1);

        kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(48));
        assertThat(summary(kinesis, name).retentionPeriodHours()).isEqualTo(48);
        kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(8760));
        assertThat(summary(kinesis, name).retentionPeriodHours()).isEqualTo(8760);
        kinesis.decreaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(24));
        assertThat(summary(kinesis, name).retentionPeriodHours()).isEqualTo(24);
    }

    @WireTest
    void retentionPeriodOutsideBoundsOrInTheWrongDirectionIsInvalid(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "retention-bad", 1);
        kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(48));

        AwsServiceException tooLong = Errors.serviceError(
                () -> kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(8761)));
        AwsServiceException tooShort = Errors.serviceError(
                () -> kinesis.decreaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(23)));
        AwsServiceException increaseDown = Errors.serviceError(
                () -> kinesis.increaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(30)));
        AwsServiceException decreaseUp = Errors.serviceError(
                () -> kinesis.decreaseStreamRetentionPeriod(b -> b.streamName(name).retentionPeriodHours(72)));

        assertThat(List.of(tooLong, tooShort, increaseDown, decreaseUp)).allSatisfy(
                e -> assertThat(e).isInstanceOf(InvalidArgumentException.class));
        assertThat(Errors.message(tooLong)).contains("8760").contains("(8761 hours)").contains("too long");
        assertThat(Errors.message(tooShort)).isEqualTo(
                "Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.");
        assertThat(Errors.message(increaseDown)).contains("(30 hours)").contains(name).contains("(48 hours)");
        assertThat(Errors.message(decreaseUp)).contains("(72 hours)").contains(name).contains("(48 hours)");
        assertThat(summary(kinesis, name).retentionPeriodHours()).isEqualTo(48);
    }

    @WireTest
    void largerMaxRecordSizeAdmitsRecordsAboveOneMebibyte(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "maxrecord", 1);
        byte[] big = new byte[1536 * 1024];
        new Random(7).nextBytes(big);
        SdkBytes data = SdkBytes.fromByteArray(big);

        assertThat(Errors.serviceError(() -> kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(data))))
                .isInstanceOfAny(ValidationException.class, InvalidArgumentException.class);

        kinesis.updateMaxRecordSize(b -> b.streamARN(Streams.arn(name)).maxRecordSizeInKiB(2048));
        Streams.awaitActive(kinesis, name);
        assertThat(summary(kinesis, name).maxRecordSizeInKiB()).isEqualTo(2048);

        String shardId = kinesis.putRecord(b -> b.streamName(name).partitionKey("k").data(data)).shardId();
        List<Record> records = Streams.readAll(kinesis, name, shardId);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).data().asByteArray()).isEqualTo(big);
    }

    @WireTest
    void maxRecordSizeMustBeBetween1024And10240KiB(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "maxrecord-bounds", 1);

        for (int size : new int[] {1023, 10241}) {
            AwsServiceException e = Errors.serviceError(
                    () -> kinesis.updateMaxRecordSize(b -> b.streamARN(Streams.arn(name)).maxRecordSizeInKiB(size)));
            assertThat(e).isInstanceOf(ValidationException.class);
            assertThat(Errors.message(e)).contains("'" + size + "'").contains("maxRecordSizeInKiB");
        }
        kinesis.updateMaxRecordSize(b -> b.streamARN(Streams.arn(name)).maxRecordSizeInKiB(10240));
        Streams.awaitActive(kinesis, name);
        assertThat(summary(kinesis, name).maxRecordSizeInKiB()).isEqualTo(10240);
    }

    @Test
    void warmThroughputOfAnOnDemandStreamShowsInItsSummary() {
        KinesisClient kinesis = server.client();
        String name = Streams.uniqueName("warm");
        kinesis.createStream(b -> b.streamName(name).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        Streams.awaitActive(kinesis, name);

        UpdateStreamWarmThroughputResponse response = kinesis.updateStreamWarmThroughput(
                b -> b.streamARN(Streams.arn(name)).warmThroughputMiBps(50));
        Streams.awaitActive(kinesis, name);

        assertThat(response.streamARN()).isEqualTo(Streams.arn(name));
        assertThat(response.warmThroughput().targetMiBps()).isEqualTo(50);
        assertThat(summary(kinesis, name).warmThroughput().targetMiBps()).isEqualTo(50);
    }

    @Test
    void describeLimitsCountsOpenShardsAndOnDemandStreams() {
        KinesisClient kinesis = server.client();
        DescribeLimitsResponse before = kinesis.describeLimits();
        Streams.create(kinesis, "limits", 3);
        String onDemand = Streams.uniqueName("limits-od");
        kinesis.createStream(b -> b.streamName(onDemand).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        Streams.awaitActive(kinesis, onDemand);

        DescribeLimitsResponse after = kinesis.describeLimits();

        assertThat(after.shardLimit()).isPositive();
        assertThat(after.onDemandStreamCountLimit()).isPositive();
        assertThat(after.openShardCount()).isEqualTo(before.openShardCount() + 3 + 4);
        assertThat(after.onDemandStreamCount()).isEqualTo(before.onDemandStreamCount() + 1);
    }

    @Test
    void accountSettingsRecordTheMinimumThroughputBillingCommitment() {
        KinesisClient kinesis = server.client();
        assertThat(kinesis.describeAccountSettings(b -> { })).isNotNull();

        var enabled = kinesis.updateAccountSettings(b -> b.minimumThroughputBillingCommitment(c -> c.status("ENABLED")))
                .minimumThroughputBillingCommitment();
        var described = kinesis.describeAccountSettings(b -> { }).minimumThroughputBillingCommitment();

        assertThat(enabled.statusAsString()).isEqualTo("ENABLED");
        assertThat(described.statusAsString()).isEqualTo("ENABLED");
        assertThat(described.startedAt()).isNotNull();
        var disabled = kinesis.updateAccountSettings(b -> b.minimumThroughputBillingCommitment(c -> c.status("DISABLED")))
                .minimumThroughputBillingCommitment();
        assertThat(disabled.statusAsString()).isIn("DISABLED", "ENABLED_UNTIL_EARLIEST_ALLOWED_END");
    }

    @WireTest
    void enhancedMonitoringReportsCurrentAndDesiredMetrics(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "monitoring", 1);

        EnableEnhancedMonitoringResponse enabled = kinesis.enableEnhancedMonitoring(b -> b.streamName(name)
                .shardLevelMetrics(MetricsName.INCOMING_BYTES, MetricsName.OUTGOING_BYTES));
        assertThat(enabled.streamName()).isEqualTo(name);
        assertThat(enabled.currentShardLevelMetrics()).isEmpty();
        assertThat(enabled.desiredShardLevelMetrics())
                .containsExactlyInAnyOrder(MetricsName.INCOMING_BYTES, MetricsName.OUTGOING_BYTES);
        Streams.awaitActive(kinesis, name);
        assertThat(summary(kinesis, name).enhancedMonitoring().get(0).shardLevelMetrics())
                .containsExactlyInAnyOrder(MetricsName.INCOMING_BYTES, MetricsName.OUTGOING_BYTES);

        DisableEnhancedMonitoringResponse disabled = kinesis.disableEnhancedMonitoring(b -> b.streamName(name)
                .shardLevelMetrics(MetricsName.INCOMING_BYTES));
        assertThat(disabled.currentShardLevelMetrics())
                .containsExactlyInAnyOrder(MetricsName.INCOMING_BYTES, MetricsName.OUTGOING_BYTES);
        assertThat(disabled.desiredShardLevelMetrics()).containsExactly(MetricsName.OUTGOING_BYTES);
        Streams.awaitActive(kinesis, name);

        EnableEnhancedMonitoringResponse all = kinesis.enableEnhancedMonitoring(b -> b.streamName(name)
                .shardLevelMetrics(MetricsName.ALL));
        assertThat(all.desiredShardLevelMetrics()).hasSize(7).doesNotContain(MetricsName.ALL);
    }

    @WireTest
    void streamEncryptionStateShowsInTheSummaryAndOnRecords(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "encryption", 1);

        kinesis.startStreamEncryption(b -> b.streamName(name).encryptionType(EncryptionType.KMS).keyId("alias/aws/kinesis"));
        Streams.awaitActive(kinesis, name);
        assertThat(summary(kinesis, name).encryptionType()).isEqualTo(EncryptionType.KMS);
        assertThat(summary(kinesis, name).keyId()).isEqualTo("alias/aws/kinesis");
        var put = Streams.put(kinesis, name, "k", "secret");
        assertThat(put.encryptionType()).isEqualTo(EncryptionType.KMS);
        assertThat(Streams.readAll(kinesis, name, put.shardId())).singleElement()
                .satisfies(r -> assertThat(r.encryptionType()).isEqualTo(EncryptionType.KMS));

        kinesis.stopStreamEncryption(b -> b.streamName(name).encryptionType(EncryptionType.KMS).keyId("alias/aws/kinesis"));
        Streams.awaitActive(kinesis, name);
        assertThat(summary(kinesis, name).encryptionType()).isEqualTo(EncryptionType.NONE);
    }

    @WireTest
    void resourcePolicyIsStoredReturnedAndDeleted(Wire wire) throws Exception {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "policy", 1);
        String arn = Streams.arn(name);
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Sid":"read","Effect":"Allow",\
                "Principal":{"AWS":"arn:aws:iam::111122223333:root"},\
                "Action":["kinesis:GetRecords","kinesis:GetShardIterator"],"Resource":"%s"}]}""".formatted(arn);

        kinesis.putResourcePolicy(b -> b.resourceARN(arn).policy(policy));
        String stored = kinesis.getResourcePolicy(b -> b.resourceARN(arn)).policy();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(stored)).isEqualTo(json.readTree(policy));

        kinesis.deleteResourcePolicy(b -> b.resourceARN(arn));
        try {
            String afterDelete = kinesis.getResourcePolicy(b -> b.resourceARN(arn)).policy();
            assertThat(afterDelete).isIn(null, "", "{}");
        } catch (ResourceNotFoundException acceptable) {
            // some implementations answer "no policy" this way
        }
    }

    @Test
    void resourcePolicyThatIsNotJsonIsRejected() {
        KinesisClient kinesis = server.client();
        String arn = Streams.arn(Streams.create(kinesis, "policy-bad", 1));

        assertThat(Errors.serviceError(() -> kinesis.putResourcePolicy(b -> b.resourceARN(arn).policy("{not json"))))
                .isInstanceOf(InvalidArgumentException.class);
    }

    private static StreamDescriptionSummary summary(KinesisClient kinesis, String name) {
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary();
    }
}
