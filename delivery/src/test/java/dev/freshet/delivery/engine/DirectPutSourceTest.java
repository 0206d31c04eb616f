package dev.freshet.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.delivery.DeliveryRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DirectPut buffer: ids, reading from the checkpoint, and retention that keeps what is undelivered. */
class DirectPutSourceTest {

    @TempDir
    Path dir;
    final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    final InstantSource clock = () -> Instant.ofEpochMilli(now.get());
    FileLogEngine logs;
    DirectPutSource source;
    CheckpointFile checkpoints;

    @BeforeEach
    void open() {
        logs = new FileLogEngine(dir.resolve("logs"), clock, Duration.ofHours(1));
        checkpoints = new CheckpointFile(dir, "s", false);
        source = DirectPutSource.open(logs, "s", checkpoints, EngineSettings.defaults(dir, Durability.OS));
    }

    @AfterEach
    void close() {
        logs.close();
    }

    List<String> append(int count) throws Exception {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new byte[] {(byte) i});
        }
        return source.append(records).get();
    }

    @Test
    void recordIdsAreThoseTheReaderSeesAndSurviveAReopen() throws Exception {
        List<String> ids = append(3);
        List<DeliveryRecord> read = new ArrayList<>();
        source.read(read, 100, 1 << 20);
        assertThat(read).extracting(DeliveryRecord::recordId).isEqualTo(ids);

        source.commit(source.mark());
        logs.close();
        open();
        List<String> more = append(2);
        List<DeliveryRecord> again = new ArrayList<>();
        source.read(again, 100, 1 << 20);
        assertThat(again).extracting(DeliveryRecord::recordId).isEqualTo(more);
        assertThat(more.get(0).substring(0, 16)).isEqualTo(ids.get(0).substring(0, 16));
    }

    @Test
    void retentionKeepsUndeliveredRecordsAndDropsDeliveredOnes() throws Exception {
        append(10);
        now.addAndGet(Duration.ofHours(3).toMillis());
        source.refreshRetention(now.get());
        logs.enforceRetention();
        List<DeliveryRecord> read = new ArrayList<>();
        source.read(read, 100, 1 << 20);
        assertThat(read).hasSize(10);

        source.commit(source.mark());
        append(1);
        source.refreshRetention(now.get());
        logs.enforceRetention();
        assertThat(logs.find(DirectPutSource.logId("s")).orElseThrow().startSequence()).isEqualTo(10);
    }

    @Test
    void undeliveredRecordsAreKeptAtMostTheServicesDay() throws Exception {
        append(5);
        now.addAndGet(Duration.ofHours(25).toMillis());
        source.refreshRetention(now.get());
        assertThat(source.oldestUnreadArrival()).isEqualTo(-1);
    }
}
