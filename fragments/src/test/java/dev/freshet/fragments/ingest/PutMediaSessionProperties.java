package dev.freshet.fragments.ingest;

import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentStore;
import dev.freshet.fragments.store.internal.LogFragmentStore;
import dev.freshet.fragments.store.internal.MatroskaFragmentEncoding;
import dev.freshet.fragments.testmedia.ByteEdits;
import dev.freshet.fragments.testmedia.Ffmpeg;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever an upload holds, in whatever chunks: the session never throws; it either stores every
 * fragment it acknowledged (each starting with a keyframe) or ends with one ERROR ack carrying a
 * PutMedia ErrorId, and the live edge never keeps a fragment in progress once the upload is over.
 */
class PutMediaSessionProperties {

    static final long START_MILLIS = 1_800_000_000_000L;
    static final Set<Integer> ERROR_IDS = Set.of(4001, 4002, 4004, 4006, 4010, 4011, 4012);

    private static Path dir;
    private static FileLogEngine engine;
    private static FragmentStore store;
    private static byte[] upload;
    private static final AtomicInteger STREAMS = new AtomicInteger();

    @BeforeContainer
    static void open() throws IOException {
        dir = Files.createTempDirectory("freshet-putmedia");
        engine = new FileLogEngine(dir, InstantSource.system(), Duration.ofHours(1));
        store = new LogFragmentStore(engine, new MatroskaFragmentEncoding(), Durability.OS, 1 << 22);
        upload = Files.readAllBytes(Ffmpeg.streamedSample("putmedia-streamed-small.mkv", "-f", "lavfi", "-i",
            "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
            "-c:v", "libx264", "-b:v", "600k", "-g", "25", "-c:a", "aac", "-t", "2", "-f", "matroska"));
    }

    @AfterContainer
    static void close() throws IOException {
        engine.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 150)
    void damagedUploadsEndInStoredFragmentsOrOneErrorAck(@ForAll @IntRange(min = 0, max = 4) int edits,
                                                         @ForAll @IntRange(min = 1, max = 5000) int maxChunk,
                                                         @ForAll long seed) throws Exception {
        Random random = new Random(seed);
        byte[] bytes = damage(upload, edits, random);
        FragmentLog log = store.open("s" + STREAMS.incrementAndGet(), START_MILLIS, Duration.ofHours(1));
        LiveEdge edge = new LiveEdge(new PartPlan(200_000));
        List<PutMediaAck> acks = new CopyOnWriteArrayList<>();
        PutMediaSession session = new PutMediaSession(log, edge, START_MILLIS, PutMediaSession.TimecodeType.RELATIVE,
            START_MILLIS, acks::add, InstantSource.system());

        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(maxChunk));
            session.feed(bytes, at, n);
            at += n;
        }
        session.finish();
        session.settled().get(10, TimeUnit.SECONDS);

        List<PutMediaAck> errors = acks.stream().filter(a -> a.eventType().equals("ERROR")).toList();
        assertThat(errors).hasSize(session.failed() ? 1 : 0);
        errors.forEach(e -> assertThat(e.errorId()).isIn(ERROR_IDS));
        Statistics.collect(errors.isEmpty() ? "stored" : errors.get(0).errorId());
        long persisted = acks.stream().filter(a -> a.eventType().equals("PERSISTED")).count();
        assertThat(log.after(-1, 1000)).hasSize((int) persisted).allSatisfy(info -> assertThat(
            log.read(info.sequence()).orElseThrow().frames().stream().filter(f -> f.track() == 1).findFirst()
                .map(Frame::keyframe)).contains(true));
        assertThat(edge.snapshot().receiving()).isFalse();
    }

    /** The upload with {@code edits} random damages: flipped octets, cuts, repeats. */
    static byte[] damage(byte[] in, int edits, Random random) {
        byte[] out = in;
        for (int i = 0; i < edits && out.length > 0; i++) {
            int at = random.nextInt(out.length);
            int length = 1 + random.nextInt(Math.min(4096, out.length - at));
            out = switch (random.nextInt(4)) {
                case 0 -> flip(out, at);
                case 1 -> Arrays.copyOf(out, at);
                case 2 -> ByteEdits.splice(out, at, length, new byte[0]);
                default -> ByteEdits.splice(out, at, 0, Arrays.copyOfRange(out, at, at + length));
            };
        }
        return out;
    }

    private static byte[] flip(byte[] in, int at) {
        byte[] out = in.clone();
        out[at] ^= (byte) 0xFF;
        return out;
    }
}
