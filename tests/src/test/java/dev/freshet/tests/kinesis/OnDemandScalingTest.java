package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.HashKeys;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.StreamMode;

/**
 * ON_DEMAND streams start with four shards and split a hot shard on their own; the split threshold
 * is lowered here (10 KB/s over half-second windows) so a small burst makes a shard hot.
 */
class OnDemandScalingTest {
    @RegisterExtension
    static final FreshetServer server = new FreshetServer("--on-demand-split-bytes-per-second", "10000",
            "--on-demand-window-millis", "500");

    @Test
    void aHotShardOfAnOnDemandStreamIsSplitAndItsRecordsStayReadable() {
        server.process();
        KinesisClient kinesis = server.client(Wire.CBOR);
        String name = Streams.uniqueName("ondemand");
        kinesis.createStream(b -> b.streamName(name).streamModeDetails(m -> m.streamMode(StreamMode.ON_DEMAND)));
        Streams.awaitActive(kinesis, name);
        assertThat(Streams.openShards(kinesis, name)).hasSize(4);
        BigInteger hot = HashKeys.of("hot-key");
        String hotShard = HashKeys.shardFor(Streams.openShards(kinesis, name), hot).shardId();

        List<String> written = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
            List<PutRecordsRequestEntry> batch = IntStream.range(0, 20).mapToObj(i -> {
                String data = "hot-" + written.size() + "-" + i + "-" + "x".repeat(1000);
                written.add(data);
                return PutRecordsRequestEntry.builder().partitionKey("hot-key").data(SdkBytes.fromUtf8String(data)).build();
            }).toList();
            assertThat(kinesis.putRecords(b -> b.streamName(name).records(batch)).failedRecordCount()).isZero();
            return Streams.openShards(kinesis, name).size() > 4;
        });

        List<Shard> open = Streams.openShards(kinesis, name);
        assertThat(open).noneMatch(shard -> shard.shardId().equals(hotShard));
        assertThat(open).filteredOn(shard -> hotShard.equals(shard.parentShardId())).hasSize(2);
        Streams.awaitActive(kinesis, name);
        List<String> read = new ArrayList<>();
        read.addAll(texts(Streams.readAll(kinesis, name, hotShard)));
        read.addAll(texts(Streams.readAll(kinesis, name, HashKeys.shardFor(open, hot).shardId())));
        assertThat(read).containsExactlyElementsOf(written);
    }

    private static List<String> texts(List<Record> records) {
        return records.stream().map(r -> r.data().asUtf8String()).toList();
    }
}
