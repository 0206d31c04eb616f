package dev.freshet.fragments.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.freshet.datastreams.log.Durability;
import dev.freshet.datastreams.log.internal.FileLogEngine;
import dev.freshet.fragments.live.LiveEdge;
import dev.freshet.fragments.live.LivePart;
import dev.freshet.fragments.live.PartPlan;
import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mkv.MkvBlock;
import dev.freshet.fragments.mkv.MkvStreamParser;
import dev.freshet.fragments.mkv.MkvWriter;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** PutMedia uploads of ffmpeg-made and hand-made MKV, fed as the network would: in chunks of any size. */
class PutMediaSessionTest {

    static final long START_MILLIS = 1_800_000_000_000L;
    static final Track VIDEO = Track.video(1, Codec.H264, new byte[] {1, 100, 0, 31}, 320, 240);
    static final Track AUDIO = Track.audio(2, Codec.AAC, new byte[] {0x12, 0x10}, 48_000, 2);

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

    /**
     * What {@code ffmpeg ... -f matroska -method POST -chunked_post 1 http://…/putMedia} sends: the
     * muxer's non-seekable layout (Clusters cut at 32 KB or 1 s, so mostly not at keyframes), x264
     * with its default B-frames (pyramid), 1 s GOPs, AAC.
     */
    static Path streamed() {
        return Ffmpeg.streamedSample("putmedia-streamed.mkv", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25",
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-c:v", "libx264", "-b:v", "1500k",
            "-g", "25", "-keyint_min", "25", "-sc_threshold", "0", "-c:a", "aac", "-t", "4", "-f", "matroska");
    }

    @Test
    void everyGopBecomesAFragmentAcknowledgedInOrder() throws IOException {
        PutMediaSession session = session();
        feedInRandomChunks(session, sample(), 7, null);
        session.finish();
        session.settled().join();

        List<FragmentInfo> stored = log.after(-1, 100);
        assertThat(stored).hasSize(3);
        assertThat(acks).extracting(PutMediaAck::eventType).doesNotContain("ERROR");
        assertThat(persisted().stream().map(PutMediaAck::fragmentNumber).toList())
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
    void ffmpegStreamingToAPipeIsCutAtItsKeyframesWhateverItsClusters() throws IOException {
        Path source = streamed();
        byte[] bytes = Files.readAllBytes(source);
        assertThat(clusterStarts(bytes)).as("the muxer starts Clusters between keyframes").contains(false);
        Map<Long, Integer> partsWhileReceiving = new HashMap<>();

        PutMediaSession session = session();
        feedInRandomChunks(session, bytes, 11, partsWhileReceiving);
        session.finish();
        session.settled().join();

        assertThat(acks).extracting(PutMediaAck::eventType).doesNotContain("ERROR");
        List<FragmentInfo> stored = log.after(-1, 100);
        List<Fragment> fragments = stored.stream().map(info -> log.read(info.sequence()).orElseThrow()).toList();
        assertThat(fragments).hasSize(4).allSatisfy(fragment -> {
            List<Frame> video = fragment.frames().stream().filter(f -> f.track() == 1).toList();
            assertThat(video).hasSize(25);
            assertThat(video.get(0).keyframe()).isTrue();
            assertThat(video.stream().filter(Frame::keyframe)).hasSize(1);
        });
        assertThat(fragments.subList(1, 4)).allSatisfy(f -> assertThat(f.frames().get(0).keyframe()).isTrue());
        assertThat(fragments.stream().map(PutMediaSessionTest::keyframeMillis).toList())
            .isEqualTo(sourceKeyframeMillis(source));
        assertThat(fragments.stream().mapToLong(f -> f.frames().stream().filter(x -> x.track() == 2).count()).sum())
            .isEqualTo(sourcePackets(source, "a"));
        assertPersistedInOrder(stored, fragments);
        for (FragmentInfo info : stored) {
            assertThat(partsWhileReceiving.getOrDefault(info.sequence(), 0))
                .as("parts of fragment %d published before it was complete", info.sequence()).isPositive();
        }
        assertLivePartsEqualStoredParts(stored, fragments);
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
        assertThat(log.after(-1, 100)).hasSize(persisted().size()).hasSize(2);
        LiveEdge.Snapshot live = edge.snapshot();
        assertThat(live.receiving()).isFalse();
        assertThat(live.partsOf(live.fragmentSequence())).as("the dropped fragment's parts are withdrawn").isEmpty();
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
    void garbageAfterACompleteClusterKeepsThatCluster() throws IOException {
        byte[] good = sample();
        PutMediaSession clean = session();
        clean.feed(good, 0, good.length);
        clean.finish();
        clean.settled().join();
        int whole = log.after(-1, 100).size();

        PutMediaSession broken = new PutMediaSession(log, edge, START_MILLIS, PutMediaSession.TimecodeType.RELATIVE,
            START_MILLIS + 600_000, acks::add, InstantSource.system());
        byte[] garbage = new byte[4096];
        new Random(5).nextBytes(garbage);
        broken.feed(good, 0, good.length);
        broken.feed(garbage, 0, garbage.length);
        broken.finish();
        broken.settled().join();

        assertThat(broken.failed()).isTrue();
        assertThat(acks.get(acks.size() - 1).errorId()).isEqualTo(4006);
        assertThat(log.after(-1, 100)).as("the last Cluster before the garbage is stored too").hasSize(2 * whole);
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
        assertThat(log.after(-1, 100)).as("the first upload's fragments, the last ended by the new Tracks").hasSize(3);
    }

    @Test
    void refusesVideoThatDoesNotStartWithAKeyframe() {
        byte[] media = MkvWriter.fragment(List.of(VIDEO), video(0, 10, -1), List.of());

        assertRefused(media, 4006);
    }

    /** As the service: CodecPrivate is not checked at ingest; playback refuses such a stream. */
    @Test
    void storesH264WithoutCodecPrivate() {
        Track bare = Track.video(1, Codec.H264, new byte[0], 320, 240);
        byte[] media = MkvWriter.fragment(List.of(bare), video(0, 10, 0), List.of());
        PutMediaSession session = session();
        session.feed(media, 0, media.length);
        session.finish();
        session.settled().join();

        assertThat(session.failed()).isFalse();
        assertThat(log.after(-1, 100)).hasSize(1);
    }

    @Test
    void refusesAFragmentMissingATrack() {
        byte[] media = MkvWriter.fragment(List.of(VIDEO, AUDIO), video(0, 10, 0), List.of());

        assertRefused(media, 4011);
    }

    @Test
    void refusesAFragmentOnceItGrowsPastTenSeconds() {
        byte[] media = MkvWriter.fragment(List.of(VIDEO), video(0, 260, 0), List.of());
        PutMediaSession session = session();
        session.feed(media, 0, media.length);

        assertThat(session.failed()).as("refused while it grows, before the upload ends").isTrue();
        session.settled().join();
        assertThat(acks).extracting(PutMediaAck::eventType).containsExactly("BUFFERING", "ERROR");
        assertThat(acks.get(1).errorId()).isEqualTo(4002);
        assertThat(log.after(-1, 100)).isEmpty();
    }

    @Test
    void newTracksEndTheFragmentInProgressAndAcksCarryItsFirstTimecode() {
        byte[] first = MkvWriter.fragment(List.of(VIDEO), video(0, 10, 0), List.of());
        byte[] second = MkvWriter.fragment(List.of(VIDEO, AUDIO), withAudio(video(10, 10, 0)), List.of());
        PutMediaSession session = session();
        session.feed(first, 0, first.length);
        assertThat(acks).extracting(PutMediaAck::eventType).containsExactly("BUFFERING");
        session.feed(second, 0, second.length);
        session.finish();
        session.settled().join();

        List<FragmentInfo> stored = log.after(-1, 100);
        assertThat(stored).hasSize(2);
        assertThat(log.read(stored.get(0).sequence()).orElseThrow().frames()).hasSize(10);
        assertThat(log.read(stored.get(1).sequence()).orElseThrow().tracks()).containsExactly(VIDEO, AUDIO);
        assertThat(persisted()).extracting(PutMediaAck::fragmentTimecode).containsExactly(0L, 400L);
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

    private void assertRefused(byte[] media, int errorId) {
        PutMediaSession session = session();
        feedInRandomChunks(session, media, 1, null);
        session.finish();
        session.settled().join();

        assertThat(acks.get(acks.size() - 1).errorId()).isEqualTo(errorId);
        assertThat(acks).extracting(PutMediaAck::eventType).doesNotContain("PERSISTED");
        assertThat(log.after(-1, 100)).isEmpty();
    }

    private List<PutMediaAck> persisted() {
        return acks.stream().filter(a -> a.eventType().equals("PERSISTED")).toList();
    }

    /** PERSISTED acks: one per stored fragment, in order, timed as the producer timed its first frame. */
    private void assertPersistedInOrder(List<FragmentInfo> stored, List<Fragment> fragments) {
        assertThat(persisted()).extracting(PutMediaAck::fragmentNumber)
            .containsExactlyElementsOf(stored.stream().map(FragmentInfo::fragmentNumber).toList());
        assertThat(persisted()).extracting(PutMediaAck::fragmentTimecode).containsExactlyElementsOf(fragments.stream()
            .map(f -> f.frames().get(0).timestampMicros() / 1000 - START_MILLIS).toList());
        List<PutMediaAck> buffering = acks.stream().filter(a -> a.eventType().equals("BUFFERING")).toList();
        assertThat(buffering).extracting(PutMediaAck::fragmentTimecode)
            .containsExactlyElementsOf(persisted().stream().map(PutMediaAck::fragmentTimecode).toList());
    }

    /** The parts the live edge cut while the media arrived are those playback cuts from the stored fragments. */
    private void assertLivePartsEqualStoredParts(List<FragmentInfo> stored, List<Fragment> fragments) {
        LiveEdge.Snapshot live = edge.snapshot();
        for (int i = 0; i < stored.size(); i++) {
            Fragment fragment = fragments.get(i);
            assertThat(view(live.partsOf(stored.get(i).sequence())))
                .isEqualTo(view(edge.plan().parts(fragment.tracks(), fragment.frames())))
                .hasSizeGreaterThan(2);
        }
    }

    /** A part as playback sees it; stored frames keep no durations, so frames are compared without them. */
    record PartView(int index, long durationMicros, boolean independent, List<String> frames) {
    }

    private static List<PartView> view(List<LivePart> parts) {
        return parts.stream().map(p -> new PartView(p.index(), p.durationMicros(), p.independent(),
            p.frames().stream().map(f -> f.track() + "@" + f.timestampMicros() + (f.keyframe() ? "K#" : "#")
                + Arrays.hashCode(f.data())).toList())).toList();
    }

    private static long keyframeMillis(Fragment fragment) {
        return fragment.frames().stream().filter(f -> f.track() == 1 && f.keyframe()).findFirst().orElseThrow()
            .timestampMicros() / 1000 - START_MILLIS;
    }

    private static List<Long> sourceKeyframeMillis(Path source) {
        JsonNode packets = Ffmpeg.probe(source.toString(), "-select_streams", "v", "-show_entries",
            "packet=pts,flags").get("packets");
        List<Long> keys = new ArrayList<>();
        packets.forEach(p -> {
            if (p.get("flags").asText().startsWith("K")) {
                keys.add(p.get("pts").asLong());
            }
        });
        return keys;
    }

    private static long sourcePackets(Path source, String stream) {
        return Ffmpeg.probe(source.toString(), "-select_streams", stream, "-count_packets", "-show_entries",
            "stream=nb_read_packets").get("streams").get(0).get("nb_read_packets").asLong();
    }

    /** For each Cluster, whether its first video block is a keyframe. */
    private static List<Boolean> clusterStarts(byte[] mkv) {
        List<Boolean> starts = new ArrayList<>();
        boolean[] open = {false};
        MkvStreamParser parser = new MkvStreamParser(new MkvStreamParser.Listener() {
            @Override
            public void onClusterStart() {
                open[0] = true;
            }

            @Override
            public void onBlock(long clusterTimecode, long timecodeScaleNanos, MkvBlock block) {
                if (open[0] && block.track() == 1) {
                    starts.add(block.keyframe());
                    open[0] = false;
                }
            }
        });
        parser.feed(mkv, 0, mkv.length);
        parser.finish();
        return starts;
    }

    /** {@code count} 40 ms video frames from frame {@code from} on; frame {@code key} is the keyframe. */
    private static List<Frame> video(int from, int count, int key) {
        return IntStream.range(from, from + count).mapToObj(i -> new Frame(1, i * 40_000L, 40_000, i - from == key,
            new byte[] {(byte) i, 1, 2})).toList();
    }

    /** The video frames with an audio frame after each, at the same time. */
    private static List<Frame> withAudio(List<Frame> video) {
        List<Frame> frames = new ArrayList<>();
        for (Frame v : video) {
            frames.add(v);
            frames.add(new Frame(2, v.timestampMicros(), 40_000, true, new byte[] {9}));
        }
        return frames;
    }

    /** Feeds {@code bytes} in chunks of 1 to 3000 octets, noting the live parts of the fragment in progress. */
    private void feedInRandomChunks(PutMediaSession session, byte[] bytes, long seed,
                                    Map<Long, Integer> partsWhileReceiving) {
        Random random = new Random(seed);
        for (int at = 0; at < bytes.length; ) {
            int n = Math.min(bytes.length - at, 1 + random.nextInt(3000));
            session.feed(bytes, at, n);
            at += n;
            LiveEdge.Snapshot live = edge.snapshot();
            if (partsWhileReceiving != null && live.receiving()) {
                partsWhileReceiving.merge(live.fragmentSequence(), live.parts().size(), Math::max);
            }
        }
    }
}
