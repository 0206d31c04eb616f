package dev.freshet.fragments.ingest;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.internal.LogFragmentStore;
import dev.freshet.fragments.store.internal.MatroskaFragmentEncoding;
import dev.freshet.fragments.testmedia.Ffmpeg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** PutMedia uploads of ffmpeg-made MKV, fed as the network would: in chunks of any size. */
class PutMediaSessionTest {

    static final long START_MILLIS = 1_800_000_000_000L;

    @TempDir
    Path dir;
    FileLogEngine engine;
    FragmentLog log;
    LiveEdge edge = new LiveEdge(new PartPlan(200_000));
    List<PutMediaAck> acks = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        engine = new FileLogEngine(dir, InstantSource.system(), Duration.ofHours(1));
        log = new LogFragmentStore(engine, new MatroskaFragmentEncoding(), Durability.OS, 1 << 24)
            .open("cam", START_MILLIS, Duration.ofHours(24));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static byte[] sample() throws IOException {
        return Files.readAllBytes(Ffmpeg.sample("putmedia-3gop.mkv", "-f", "lavfi", "-i",
            "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-c:v", "libx264", "-g", "25", "-bf", "0", "-c:a", "aac", "-t", "3",
            "-cluster_time_limit", "1100", "-live", "1"));
    }

    @Test
    void everyClusterBecomesAFragmentAcknowledgedInOrder() throws IOException {
        PutMediaSession session = session();
        feedInRandomChunks(session, sample(), 7);
        session.finish();
        session.settled().join();

        List<FragmentInfo> stored = log.after(-1, 100);
        assertThat(stored).hasSizeGreaterThanOrEqualTo(3);
        assertThat(acks).extracting(PutMediaAck::eventType).doesNotContain("ERROR");
        assertThat(acks.stream().filter(a -> a.eventType().equals("PERSISTED")).map(PutMediaAck::fragmentNumber).toList())
            .containsExactlyElementsOf(stored.stream().map(FragmentInfo::fragmentNumber).toList());
        assertThat(acks.subList(0, 2)).extracting(PutMediaAck::eventType).containsExactly("BUFFERING", "RECEIVED");
        assertThat(stored.get(0).producerTimestampMillis()).isEqualTo(START_MILLIS);
        Fragment first = log.read(stored.get(0).sequence()).orElseThrow();
        assertThat(first.tracks()).hasSize(2);
        assertThat(first.frames().get(0).keyframe()).isTrue();
        assertThat(first.frames().stream().filter(f -> f.track() == 1).count()).isEqualTo(25);
        assertThat(edge.snapshot().fragmentSequence()).isEqualTo(stored.get(stored.size() - 1).sequence());
    }

    @Test
    void aTornLastClusterIsRefusedAndNotStored() throws IOException {
        byte[] whole = sample();
        PutMediaSession session = session();
        byte[] torn = Arrays.copyOf(whole, whole.length - 500);
        session.feed(torn, 0, torn.length);
        session.finish();
        session.settled().join();

        PutMediaAck last = acks.get(acks.size() - 1);
        assertThat(last.eventType()).isEqualTo("ERROR");
        assertThat(last.errorId()).isEqualTo(4006);
        long persisted = acks.stream().filter(a -> a.eventType().equals("PERSISTED")).count();
        assertThat(log.after(-1, 100)).hasSize((int) persisted);
    }

    @Test
    void garbageEndsTheUploadWithAnErrorAndKeepsEarlierFragments() throws IOException {
        PutMediaSession first = session();
        byte[] good = sample();
        first.feed(good, 0, good.length);
        first.finish();
        first.settled().join();
        int stored = log.after(-1, 100).size();
        acks.clear();

        PutMediaSession bad = session();
        byte[] garbage = new byte[4096];
        new Random(3).nextBytes(garbage);
        bad.feed(garbage, 0, garbage.length);
        bad.settled().join();

        assertThat(bad.failed()).isTrue();
        assertThat(acks).singleElement().satisfies(ack -> assertThat(ack.errorId()).isEqualTo(4006));
        assertThat(log.after(-1, 100)).hasSize(stored);
    }

    @Test
    void sendingTheSameMediaAgainGoesBackInTimeAndIsRefused() throws IOException {
        byte[] media = sample();
        PutMediaSession session = session();
        session.feed(media, 0, media.length);
        session.feed(media, 0, media.length);
        session.finish();
        session.settled().join();

        assertThat(acks.get(acks.size() - 1).errorId()).isEqualTo(4004);
    }

    @Test
    void idleTicksAckIdleOnlyWhenNothingArrived() throws IOException {
        PutMediaSession session = session();
        session.tick();
        byte[] media = sample();
        session.feed(media, 0, 100);
        session.tick();
        session.tick();

        assertThat(acks).extracting(PutMediaAck::eventType).containsExactly("IDLE", "IDLE");
    }

    private PutMediaSession session() {
        return new PutMediaSession(log, edge, START_MILLIS, PutMediaSession.TimecodeType.RELATIVE, START_MILLIS,
            acks::add, InstantSource.system());
    }

    private static void feedInRandomChunks(PutMediaSession session, byte[] bytes, long seed) {
        Random random = new Random(seed);
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(3000));
            session.feed(bytes, at, n);
            at += n;
        }
    }
}
