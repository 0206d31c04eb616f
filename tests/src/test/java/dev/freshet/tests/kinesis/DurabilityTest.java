package dev.freshet.tests.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.Clients;
import dev.freshet.tests.harness.FreshetProcess;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.Streams;
import dev.freshet.tests.harness.Wire;
import dev.freshet.tests.harness.WriterThreads;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * Acknowledged records survive the process dying: writers put concurrently and record every acked
 * (shard, sequence number, data); the server is killed (SIGKILL) or stopped (SIGTERM) mid-stream and
 * restarted on the same data directory; every shard read from TRIM_HORIZON must hold every acked record
 * with its exact sequence number and data, in order, and nothing that was never sent.
 */
class DurabilityTest {
    private static final int WRITERS = 4;
    private static final int SHARDS = 4;

    @Test
    void ackedRecordsSurviveKillNine() {
        survives(List.of(), FreshetProcess::kill9);
    }

    @Test
    void ackedRecordsSurviveKillNineWithFsync() {
        survives(List.of("--durability", "fsync"), FreshetProcess::kill9);
    }

    @Test
    void sigtermDuringLoadShutsDownCleanlyAndKeepsAckedRecords() {
        survives(List.of(), p -> assertThat(p.stop()).as("exit code after SIGTERM").isIn(0, 143));
    }

    private static void survives(List<String> extraFlags, Consumer<FreshetProcess> crash) {
        org.junit.jupiter.api.Assumptions.assumeTrue(FreshetServer.externalEndpoint() == null,
                "needs a Freshet process started by the suite");
        List<String> flags = new ArrayList<>(List.of("--stream-transition-millis", "0"));
        flags.addAll(extraFlags);
        try (FreshetProcess server = FreshetProcess.start("DurabilityTest", flags);
             KinesisClient kinesis = Clients.sync(server.endpoint(), Wire.preferred(),
                     o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))) {
            String name = Streams.create(kinesis, "durable", SHARDS);
            Load load = new Load(kinesis, name);
            load.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.acked.size() >= 3000);

            crash.accept(server);
            load.stop();
            server.restart();

            assertEverythingAckedIsThere(kinesis, name, load);
            assertThat(Streams.put(kinesis, name, "after-restart", "still writable").sequenceNumber()).isNotBlank();
        }
    }

    private static void assertEverythingAckedIsThere(KinesisClient kinesis, String name, Load load) {
        Map<String, List<Acked>> ackedPerShard = new HashMap<>();
        load.acked.forEach(a -> ackedPerShard.computeIfAbsent(a.shardId(), s -> new ArrayList<>()).add(a));
        for (Shard shard : Streams.shards(kinesis, name)) {
            List<Record> stored = Streams.readAll(kinesis, name, shard.shardId());
            assertThat(stored).extracting(r -> new BigInteger(r.sequenceNumber())).isSorted().doesNotHaveDuplicates();
            assertThat(stored).allSatisfy(r -> assertThat(load.sent).as("data never sent").contains(r.data().asUtf8String()));
            Map<String, String> dataBySequence = new HashMap<>();
            stored.forEach(r -> dataBySequence.put(r.sequenceNumber(), r.data().asUtf8String()));
            List<Acked> acked = ackedPerShard.getOrDefault(shard.shardId(), List.of());
            assertThat(acked).as("acked records of %s", shard.shardId()).allSatisfy(a ->
                    assertThat(dataBySequence.get(a.sequenceNumber())).as("data at %s", a.sequenceNumber())
                            .isEqualTo(a.data()));
        }
        assertThat(ackedPerShard.keySet()).hasSize(SHARDS);
    }

    private record Acked(String shardId, String sequenceNumber, String data) {
    }

    /** Writer threads doing PutRecords of 50 records until the server goes away or they are stopped. */
    private static final class Load {
        final List<Acked> acked = new CopyOnWriteArrayList<>();
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        private final KinesisClient kinesis;
        private final String name;
        private final AtomicInteger failures = new AtomicInteger();
        private final WriterThreads writers = new WriterThreads(WRITERS);

        Load(KinesisClient kinesis, String name) {
            this.kinesis = kinesis;
            this.name = name;
        }

        void start() {
            writers.start(this::write);
        }

        void stop() {
            writers.stop();
        }

        private void write(int writer) {
            for (int batch = 0; writers.running(); batch++) {
                int b = batch;
                List<PutRecordsRequestEntry> entries = IntStream.range(0, 50).mapToObj(i -> PutRecordsRequestEntry
                        .builder().partitionKey("w" + writer + "-" + i)
                        .data(SdkBytes.fromUtf8String("w" + writer + "-b" + b + "-r" + i + "-" + "x".repeat(i * 7)))
                        .build()).toList();
                entries.forEach(e -> sent.add(e.data().asUtf8String()));
                try {
                    PutRecordsResponse response = kinesis.putRecords(r -> r.streamName(name).records(entries));
                    for (int i = 0; i < entries.size(); i++) {
                        PutRecordsResultEntry result = response.records().get(i);
                        if (result.errorCode() == null) {
                            acked.add(new Acked(result.shardId(), result.sequenceNumber(),
                                    entries.get(i).data().asUtf8String()));
                        }
                    }
                } catch (RuntimeException serverGone) {
                    if (failures.incrementAndGet() > 1000) {
                        return;
                    }
                }
            }
        }
    }
}
