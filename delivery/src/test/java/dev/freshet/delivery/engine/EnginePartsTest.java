package dev.freshet.delivery.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's small parts: buffering hints, record ids, checkpoint files. */
class EnginePartsTest {

    @TempDir
    Path dir;

    @Test
    void bufferingHintsComeFromTheDestinationOrItsS3ConfigurationOrTheDefaults() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(BufferingHints.of(json.readTree("{\"BufferingHints\":{\"SizeInMBs\":64,\"IntervalInSeconds\":0}}")))
            .isEqualTo(new BufferingHints(64L << 20, 0));
        assertThat(BufferingHints.of(json.readTree("{\"S3Configuration\":{\"BufferingHints\":{\"SizeInMBs\":2,\"IntervalInSeconds\":60}}}")))
            .isEqualTo(new BufferingHints(2L << 20, 60_000));
        assertThat(BufferingHints.of(json.readTree("{}"))).isEqualTo(BufferingHints.SERVICE_DEFAULT);
    }

    @Test
    void recordIdsAreFixedWidthAndOrderedBySequence() {
        String incarnation = RecordIds.newIncarnation();
        assertThat(RecordIds.of(incarnation, 0)).hasSize(36).startsWith(incarnation).endsWith("00000000000000000000");
        assertThat(RecordIds.of(incarnation, Long.MAX_VALUE)).hasSize(36);
        assertThat(RecordIds.of(incarnation, 9)).isLessThan(RecordIds.of(incarnation, 10));
        assertThat(RecordIds.newIncarnation()).isNotEqualTo(incarnation);
    }

    @Test
    void checkpointsAreReplacedWholeAndAnUnfinishedWriteIsIgnored() throws Exception {
        CheckpointFile file = new CheckpointFile(dir, "s", true);
        assertThat(file.read()).isEmpty();
        CheckpointState state = new CheckpointState();
        state.incarnation = "abc";
        state.nextSequence = 41L;
        state.shardSequences.put("shardId-000000000000", "4960");
        file.write(state);
        state.nextSequence = 42L;
        file.write(state);
        Files.writeString(dir.resolve("checkpoints/s.json.tmp"), "{\"nextSequence\":9");

        CheckpointState read = new CheckpointFile(dir, "s", false).read().orElseThrow();
        assertThat(read.nextSequence).isEqualTo(42L);
        assertThat(read.incarnation).isEqualTo("abc");
        assertThat(read.shardSequences).containsEntry("shardId-000000000000", "4960");
        assertThat(dir.resolve("checkpoints/s.json.tmp")).doesNotExist();

        file.delete();
        assertThat(file.read()).isEmpty();
    }
}
