package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.HashKeys;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WireTest;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.EncryptionType;
import software.amazon.awssdk.services.kinesis.model.MetricsName;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** StreamARN alone (no StreamName) is accepted by every operation that names a stream. */
class StreamArnTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer();

    @WireTest
    void everyStreamOperationAcceptsTheArnAlone(Wire wire) {
        KinesisClient kinesis = server.client(wire);
        String name = Streams.create(kinesis, "arn", 2);
        String arn = Streams.arn(name);

        assertThat(kinesis.describeStream(b -> b.streamARN(arn)).streamDescription().streamName()).isEqualTo(name);
        assertThat(kinesis.describeStreamSummary(b -> b.streamARN(arn)).streamDescriptionSummary().streamARN())
                .isEqualTo(arn);
        String shardId = kinesis.putRecord(b -> b.streamARN(arn).partitionKey("a").data(SdkBytes.fromUtf8String("1")))
                .shardId();
        assertThat(kinesis.putRecords(b -> b.streamARN(arn).records(PutRecordsRequestEntry.builder().partitionKey("a")
                .data(SdkBytes.fromUtf8String("2")).build())).failedRecordCount()).isIn(null, 0);
        String iterator = kinesis.getShardIterator(b -> b.streamARN(arn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        assertThat(kinesis.getRecords(b -> b.streamARN(arn).shardIterator(iterator)).records())
                .extracting(r -> r.data().asUtf8String()).containsExactly("1", "2");
        assertThat(kinesis.listShards(b -> b.streamARN(arn)).shards()).hasSize(2);

        kinesis.addTagsToStream(b -> b.streamARN(arn).tags(Map.of("a", "1", "b", "2")));
        kinesis.removeTagsFromStream(b -> b.streamARN(arn).tagKeys("b"));
        assertThat(kinesis.listTagsForStream(b -> b.streamARN(arn)).tags()).singleElement()
                .satisfies(t -> assertThat(t.key()).isEqualTo("a"));

        kinesis.increaseStreamRetentionPeriod(b -> b.streamARN(arn).retentionPeriodHours(36));
        kinesis.decreaseStreamRetentionPeriod(b -> b.streamARN(arn).retentionPeriodHours(30));
        assertThat(kinesis.describeStreamSummary(b -> b.streamARN(arn)).streamDescriptionSummary()
                .retentionPeriodHours()).isEqualTo(30);

        kinesis.enableEnhancedMonitoring(b -> b.streamARN(arn).shardLevelMetrics(MetricsName.INCOMING_RECORDS));
        Streams.awaitActive(kinesis, name);
        kinesis.disableEnhancedMonitoring(b -> b.streamARN(arn).shardLevelMetrics(MetricsName.INCOMING_RECORDS));
        Streams.awaitActive(kinesis, name);
        kinesis.startStreamEncryption(b -> b.streamARN(arn).encryptionType(EncryptionType.KMS).keyId("alias/aws/kinesis"));
        Streams.awaitActive(kinesis, name);
        kinesis.stopStreamEncryption(b -> b.streamARN(arn).encryptionType(EncryptionType.KMS).keyId("alias/aws/kinesis"));
        Streams.awaitActive(kinesis, name);

        BigInteger middle = HashKeys.start(Streams.openShards(kinesis, name).get(0)).add(BigInteger.TEN.pow(20));
        kinesis.splitShard(b -> b.streamARN(arn).shardToSplit("shardId-000000000000")
                .newStartingHashKey(middle.toString()));
        Streams.awaitActive(kinesis, name);
        kinesis.mergeShards(b -> b.streamARN(arn).shardToMerge("shardId-000000000002")
                .adjacentShardToMerge("shardId-000000000003"));
        Streams.awaitActive(kinesis, name);
        kinesis.updateShardCount(b -> b.streamARN(arn).targetShardCount(3).scalingType(ScalingType.UNIFORM_SCALING));
        Streams.awaitActive(kinesis, name);
        assertThat(kinesis.describeStreamSummary(b -> b.streamARN(arn)).streamDescriptionSummary().openShardCount())
                .isEqualTo(3);

        kinesis.deleteStream(b -> b.streamARN(arn));
        assertThat(kinesis.listStreams().streamNames()).doesNotContain(name);
    }
}
