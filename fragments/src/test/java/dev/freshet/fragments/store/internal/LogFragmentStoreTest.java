package dev.freshet.fragments.store.internal;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentNumbers;
import dev.freshet.fragments.store.TimestampKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class LogFragmentStoreTest {

    static final long CREATED = 1_800_000_000_000L;
    static final long T0 = 1_800_000_100_000L;

    @TempDir
    Path dir;
    FileLogEngine engine;
    LogFragmentStore store;

    @BeforeEach
    void open() {
        engine = new FileLogEngine(dir, InstantSource.system(), Duration.ofHours(1));
        store = new LogFragmentStore(engine, new PlainTestEncoding(), Durability.OS, 1 << 20);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void storesAndIndexesFragmentsByBothClocks() {
        FragmentLog log = store.open("cam1", CREATED, Duration.ofHours(24));
        List<FragmentInfo> stored = appendTen(log);

        assertThat(stored).extracting(FragmentInfo::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(stored.get(3).producerTimestampMillis()).isEqualTo(T0 + 6000);
        assertThat(stored.get(3).durationMillis()).isEqualTo(2000);
        assertThat(stored.get(3).sizeBytes()).as("media plus container").isGreaterThan(3 * 100);
        assertThat(log.list(TimestampKind.PRODUCER, T0 + 4000, T0 + 9000, -1, 100)).extracting(FragmentInfo::sequence)
            .containsExactly(2L, 3L, 4L);
        assertThat(log.list(TimestampKind.SERVER, 5_000, 7_000, -1, 100)).extracting(FragmentInfo::sequence)
            .containsExactly(5L, 6L, 7L);
        assertThat(log.list(TimestampKind.PRODUCER, T0, T0 + 100_000, 6, 2)).extracting(FragmentInfo::sequence)
            .containsExactly(7L, 8L);
        assertThat(log.after(7, 10)).extracting(FragmentInfo::sequence).containsExactly(8L, 9L);
        assertThat(log.latest()).get().extracting(FragmentInfo::sequence).isEqualTo(9L);
    }

    @Test
    void gapsInProducerTimeAreCountedAsDiscontinuities() {
        FragmentLog log = store.open("cam1", CREATED, Duration.ofHours(24));
        appendTen(log);
        log.append(fragment(T0 + 60_000), 20_000).join();
        log.append(fragment(T0 + 62_000), 21_000).join();

        List<FragmentInfo> all = log.after(-1, 100);
        assertThat(all).extracting(FragmentInfo::discontinuityBefore)
            .containsExactly(false, false, false, false, false, false, false, false, false, false, true, false);
        assertThat(all.get(9).discontinuities()).isZero();
        assertThat(all.get(10).discontinuities()).isEqualTo(1);
        assertThat(all.get(11).discontinuities()).isEqualTo(1);
    }

    @Test
    void fragmentsReadBackWithTheirFrames() {
        FragmentLog log = store.open("cam1", CREATED, Duration.ofHours(24));
        appendTen(log);

        Fragment fourth = log.read(3).orElseThrow();
        assertThat(fourth.frames()).hasSize(3);
        assertThat(fourth.frames().get(0).keyframe()).isTrue();
        assertThat(fourth.startMicros()).isEqualTo((T0 + 6000) * 1000);
        assertThat(log.read(10)).isEmpty();
    }

    @Test
    void fragmentNumbersNameTheirFragmentAndOnlyInTheirStream() {
        FragmentLog log = store.open("cam1", CREATED, Duration.ofHours(24));
        FragmentInfo info = appendTen(log).get(4);

        assertThat(info.fragmentNumber()).hasSize(47).matches("\\d+");
        assertThat(FragmentNumbers.sequenceOf(info.fragmentNumber(), CREATED)).hasValue(4);
        assertThat(FragmentNumbers.sequenceOf(info.fragmentNumber(), CREATED + 5000)).isEmpty();
        assertThat(FragmentNumbers.sequenceOf("123", CREATED)).isEmpty();
    }

    @Test
    void theIndexSurvivesARestartAndIsRebuiltWhenItsLogIsLost() {
        FragmentLog log = store.open("cam1", CREATED, Duration.ofHours(24));
        appendTen(log);
        engine.delete(LogFragmentStore.indexId("cam1"));
        engine.close();
        open();

        FragmentLog reopened = store.open("cam1", CREATED, Duration.ofHours(24));
        assertThat(reopened.after(-1, 100)).hasSize(10);
        assertThat(reopened.list(TimestampKind.PRODUCER, T0 + 4000, T0 + 9000, -1, 100)).hasSize(3);
        engine.close();
        open();
        assertThat(store.open("cam1", CREATED, Duration.ofHours(24)).after(-1, 100)).hasSize(10);
    }

    @Test
    void awaitingANewFragmentCompletesWhenOneIsStored() {
        FragmentLog log = store.open("cam1", CREATED, Duration.ofHours(24));
        appendTen(log);
        CompletableFuture<Void> next = log.awaitAfter(9);

        assertThat(next).isNotDone();
        log.append(fragment(T0 + 30_000), 30_000).join();
        assertThat(next).isCompleted();
    }

    @Test
    void deletingAStreamRemovesItsFragments() {
        appendTen(store.open("cam1", CREATED, Duration.ofHours(24)));
        store.delete("cam1");

        assertThat(store.open("cam1", CREATED, Duration.ofHours(24)).latest()).isEmpty();
    }

    private List<FragmentInfo> appendTen(FragmentLog log) {
        List<FragmentInfo> infos = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            infos.add(log.append(fragment(T0 + i * 2000L), i * 1000L).join());
        }
        return infos;
    }

    static Fragment fragment(long startMillis) {
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            frames.add(new Frame(1, (startMillis + f * 500L) * 1000, f == 2 ? 1_000_000 : 500_000, f == 0, new byte[100]));
        }
        return new Fragment(List.of(Track.video(1, Codec.H264, new byte[0], 320, 240)), frames);
    }
}
