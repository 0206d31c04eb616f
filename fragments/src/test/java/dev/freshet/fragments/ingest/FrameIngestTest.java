package dev.freshet.fragments.ingest;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.internal.LogFragmentStore;
import dev.freshet.fragments.store.internal.MatroskaFragmentEncoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames from a non-PutMedia source (as WebRTC gives them) are cut at keyframes, stored and reported. */
class FrameIngestTest {

    static final long START_MILLIS = 1_800_000_000_000L;

    @TempDir
    Path dir;
    FileLogEngine engine;
    FragmentLog log;
    LiveEdge edge = new LiveEdge(new PartPlan(200_000));
    List<PutMediaAck> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        engine = new FileLogEngine(dir, InstantSource.system(), Duration.ofHours(1));
        log = new LogFragmentStore(engine, new MatroskaFragmentEncoding(), Durability.OS, 1 << 24)
            .open("webrtc-cam", START_MILLIS, Duration.ofHours(24));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void threeGopsOfVideoAndAudioBecomeThreeFragmentsOnTheCaptureClock() {
        FrameIngest ingest = new FrameIngest(log, edge, START_MILLIS, events::add);
        ingest.tracks(List.of(PutMediaSessionTest.VIDEO, PutMediaSessionTest.AUDIO));
        long captureStart = (START_MILLIS + 5_000) * 1000;
        for (int i = 0; i < 75; i++) {
            long t = captureStart + i * 40_000L;
            ingest.add(new Frame(1, t, 0, i % 25 == 0, new byte[] {0, 0, 0, 1, 0x65}), START_MILLIS + i * 40L);
            ingest.add(new Frame(2, t + 5_000, 20_000, true, new byte[] {0x21}), START_MILLIS + i * 40L);
        }
        ingest.finish();
        ingest.settled().join();

        List<FragmentInfo> stored = log.after(-1, 10);
        assertThat(stored).hasSize(3);
        assertThat(stored).extracting(FragmentInfo::producerTimestampMillis)
            .containsExactly(captureStart / 1000, captureStart / 1000 + 1000, captureStart / 1000 + 2000);
        assertThat(stored).extracting(FragmentInfo::durationMillis).containsOnly(1000L);
        assertThat(ingest.persisted()).isEqualTo(3);
        assertThat(events).extracting(PutMediaAck::eventType).doesNotContain("ERROR");
    }

    @Test
    void aFrameThatBreaksARuleEndsTheIngestAndKeepsWhatWasStored() {
        FrameIngest ingest = new FrameIngest(log, edge, START_MILLIS, events::add);
        Track video = PutMediaSessionTest.VIDEO;
        ingest.tracks(List.of(video));
        long t0 = (START_MILLIS + 5_000) * 1000;
        for (int i = 0; i < 26; i++) {
            ingest.add(new Frame(1, t0 + i * 40_000L, 0, i % 25 == 0, new byte[] {0x65}), START_MILLIS);
        }
        ingest.add(new Frame(1, t0 - 1_000_000, 0, true, new byte[] {0x65}), START_MILLIS);
        ingest.settled().join();

        assertThat(ingest.failed()).isTrue();
        assertThat(events.get(events.size() - 1).errorId()).as("timecode going backwards").isEqualTo(4004);
        assertThat(log.after(-1, 10)).as("the two GOPs before the bad keyframe").hasSize(2);
    }
}
