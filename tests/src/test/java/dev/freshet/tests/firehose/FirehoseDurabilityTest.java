package dev.freshet.tests.firehose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.freshet.tests.harness.FreshetProcess;
import dev.freshet.tests.harness.FreshetServer;
import dev.freshet.tests.harness.WriterThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Acknowledged records are delivered even when the server dies mid-delivery: writers put
 * concurrently with PutRecordBatch (no SDK retries, so only what the server answered counts), the
 * server is killed with SIGKILL while objects are being written, and restarted on the same data
 * directory. Every acknowledged record must then arrive in the bucket folder (at least once),
 * nothing that was never sent may, and within an object each writer's records keep their order.
 */
class FirehoseDurabilityTest {

    private static final int WRITERS = 4;
    private static final int BATCH = 100;
    private static final String STREAM = "durable";

    @Test
    void acknowledgedRecordsAreDeliveredAfterKillNine() {
        Assumptions.assumeTrue(FreshetServer.externalEndpoint() == null, "needs a Freshet process started by the suite");
        try (FreshetProcess server = FreshetProcess.start("FirehoseDurabilityTest", List.of("--stream-transition-millis", "0"));
             FirehoseClient firehose = Firehoses.clientWithoutRetries(server.endpoint())) {
            firehose.createDeliveryStream(r -> r.deliveryStreamName(STREAM)
                .extendedS3DestinationConfiguration(Firehoses.extendedS3(STREAM).bufferingHints(Firehoses.hints(1, 0)).build()));
            Path bucket = server.dataDir().resolve("s3").resolve(STREAM);
            Load load = new Load(firehose);
            load.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> load.ackedCount() >= 4000 && objects(bucket).size() >= 3);

            server.kill9();
            load.stop();
            server.restart();

            await("every acknowledged record delivered; log:\n" + server.logTail()).atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(delivered(bucket)).containsAll(load.acked()));
            Set<String> seen = new HashSet<>();
            Set<String> twice = new HashSet<>();
            for (Path object : objects(bucket)) {
                List<String> records = records(object);
                assertThat(load.sent).as("records never sent").containsAll(records);
                assertThat(records).as("records of %s", object.getFileName()).doesNotHaveDuplicates();
                assertWritersInOrder(records);
                records.stream().filter(record -> !seen.add(record)).forEach(twice::add);
            }
            assertThat(seen).containsAll(load.acked());
            assertRedeliveredRunsAreContiguous(twice);
        }
    }

    /**
     * Records delivered twice are the batch in flight at the kill, redelivered from the checkpoint:
     * for each writer one run of consecutive records (an earlier restart point would still be a run, but
     * a gap would mean records skipped or replayed out of order).
     */
    private static void assertRedeliveredRunsAreContiguous(Set<String> twice) {
        Map<String, List<Long>> byWriter = new HashMap<>();
        for (String record : twice) {
            String[] parts = record.split("-", 3);
            byWriter.computeIfAbsent(parts[0], w -> new ArrayList<>()).add(Long.parseLong(parts[1]));
        }
        byWriter.forEach((writer, sequences) -> {
            long first = sequences.stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = sequences.stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(last - first + 1).as("writer %s redelivered %s..%s without gaps", writer, first, last)
                .isEqualTo(sequences.size());
        });
    }

    /** Within one object, each writer's records appear in the order the writer sent them. */
    private static void assertWritersInOrder(List<String> records) {
        Map<String, Long> last = new HashMap<>();
        for (String record : records) {
            String[] parts = record.split("-", 3);
            long sequence = Long.parseLong(parts[1]);
            Long previous = last.put(parts[0], sequence);
            assertThat(previous == null || previous < sequence).as("writer %s: %s after %s", parts[0], sequence, previous)
                .isTrue();
        }
    }

    private static Set<String> delivered(Path bucket) {
        Set<String> all = new HashSet<>();
        objects(bucket).forEach(object -> all.addAll(records(object)));
        return all;
    }

    /** The newline-terminated records of an object (the service concatenates records as they are). */
    private static List<String> records(Path object) {
        try {
            String text = Files.readString(object, StandardCharsets.UTF_8);
            assertThat(text).as("object %s ends with a whole record", object).endsWith("\n");
            return List.of(text.split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> objects(Path bucket) {
        if (!Files.isDirectory(bucket)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(bucket)) {
            return walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writer threads doing PutRecordBatch until they are stopped; records are {@code w<writer>-<n>-<padding>}. */
    private static final class Load {
        final Set<String> sent = ConcurrentHashMap.newKeySet();
        private final Set<String> acked = ConcurrentHashMap.newKeySet();
        private final FirehoseClient firehose;
        private final WriterThreads writers = new WriterThreads(WRITERS);

        Load(FirehoseClient firehose) {
            this.firehose = firehose;
        }

        int ackedCount() {
            return acked.size();
        }

        Set<String> acked() {
            return Set.copyOf(acked);
        }

        void start() {
            writers.start(this::write);
        }

        void stop() {
            writers.stop();
        }

        private void write(int writer) {
            long n = 0;
            while (writers.running()) {
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++, n++) {
                    batch.add("w" + writer + "-" + n + "-" + "x".repeat((int) (n % 40)));
                }
                sent.addAll(batch);
                try {
                    PutRecordBatchResponse response = firehose.putRecordBatch(r -> r.deliveryStreamName(STREAM)
                        .records(batch.stream().map(d -> Record.builder().data(SdkBytes.fromUtf8String(d + "\n")).build())
                            .toList()));
                    for (int i = 0; i < batch.size(); i++) {
                        if (response.requestResponses().get(i).errorCode() == null) {
                            acked.add(batch.get(i));
                        }
                    }
                } catch (RuntimeException serverGone) {
                    // the server was killed: this batch is not acknowledged; keep trying until stopped
                    if (!writers.running()) {
                        return;
                    }
                }
            }
        }
    }
}
