package dev.freshet.datastreams.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {

    @TempDir
    Path dir;

    @Test
    void readsNothingBeforeTheFirstWriteThenTheLastSnapshot() {
        SnapshotFile file = new SnapshotFile(dir.resolve("meta"), "state.json");
        assertThat(file.read()).isEmpty();

        assertThat(file.write(1, bytes("one"))).isTrue();
        assertThat(file.write(2, bytes("two"))).isTrue();

        assertThat(text(new SnapshotFile(dir.resolve("meta"), "state.json").read().orElseThrow())).isEqualTo("two");
        assertThat(dir.resolve("meta/state.json.tmp")).doesNotExist();
    }

    @Test
    void aNewerSnapshotWrittenFirstIsNeverReplacedByAnOlderOne() {
        SnapshotFile file = new SnapshotFile(dir, "state.json");
        assertThat(file.write(5, bytes("five"))).isTrue();

        assertThat(file.write(4, bytes("four"))).isFalse();
        assertThat(file.write(5, bytes("five again"))).isFalse();

        assertThat(text(file.read().orElseThrow())).isEqualTo("five");
    }

    @Test
    void anUnfinishedWriteIsDiscardedAndThePreviousSnapshotStays() throws IOException {
        SnapshotFile file = new SnapshotFile(dir, "state.json");
        file.write(1, bytes("committed"));
        Files.write(dir.resolve("state.json.tmp"), bytes("torn wr"));

        assertThat(text(new SnapshotFile(dir, "state.json").read().orElseThrow())).isEqualTo("committed");
        assertThat(dir.resolve("state.json.tmp")).doesNotExist();
    }

    @Test
    void racingWritersLeaveTheHighestVersion() throws Exception {
        SnapshotFile file = new SnapshotFile(dir, "state.json");
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            long version = i;
            Thread writer = new Thread(() -> {
                awaitQuietly(start);
                file.write(version, bytes("v" + version));
            });
            writer.start();
            writers.add(writer);
        }
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(text(file.read().orElseThrow())).isEqualTo("v16");
    }

    @Test
    void failuresNameTheFile() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain"), "x");
        SnapshotFile file = new SnapshotFile(notAFolder, "state.json");

        assertThatThrownBy(() -> file.write(1, bytes("x"))).isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("state.json");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
