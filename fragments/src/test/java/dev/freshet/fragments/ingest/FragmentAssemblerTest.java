package dev.freshet.fragments.ingest;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.mkv.MkvError;
import dev.freshet.fragments.mkv.MkvException;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FragmentAssemblerTest {

    static final Track VIDEO = Track.video(1, Codec.H264, new byte[] {1, 100, 0, 31}, 320, 240);
    static final Track AUDIO = Track.audio(2, Codec.AAC, new byte[] {0x12, 0x10}, 48_000, 2);
    static final Track SECOND_VIDEO = Track.video(3, Codec.H265, new byte[] {1}, 160, 120);

    final Recorder recorder = new Recorder();
    final List<String> events = recorder.events;
    final List<Fragment> fragments = recorder.fragments;
    final FragmentAssembler assembler = new FragmentAssembler(recorder);

    @Test
    void cutsBeforeEachKeyframeInDecodeOrderWithTheAudioDecodedAlongside() {
        assembler.tracks(List.of(VIDEO, AUDIO));
        add(video(0, true), audio(0), video(120, false), video(40, false), audio(21), video(80, false),
            audio(42), video(160, true), audio(63), video(200, false));
        assembler.finish();

        assertThat(fragments).extracting(f -> times(f.frames())).containsExactly(
            List.of("1@0K", "2@0K", "1@120", "1@40", "2@21K", "1@80", "2@42K"),
            List.of("1@160K", "2@63K", "1@200"));
        assertThat(events).startsWith("start 0 at 1000", "frame 1@0").contains("complete 7", "start 160 at 1008");
    }

    @Test
    void audioBeforeTheFirstKeyframeStartsTheFirstFragment() {
        assembler.tracks(List.of(VIDEO, AUDIO));
        add(audio(0), video(10, true), audio(21), video(50, true), audio(42));
        assembler.finish();

        assertThat(fragments).extracting(f -> f.frames().size()).containsExactly(3, 2);
    }

    @Test
    void aUnitThatOpensWithAKeyframeIsOneFragmentStampedWithTheUnitsTimestamp() {
        assembler.tracks(List.of(VIDEO, AUDIO));
        assembler.unitStart(0);
        add(audio(0), video(21, true), audio(21), video(61, false));
        assembler.unitStart(1_000_000);
        add(audio(1_000), audio(1_010), video(1_021, true), audio(1_021));
        assembler.finish();

        assertThat(fragments).extracting(Fragment::timestampMicros).containsExactly(0L, 1_000_000L);
        assertThat(fragments).extracting(f -> times(f.frames())).containsExactly(
            List.of("2@0K", "1@21K", "2@21K", "1@61"),
            List.of("2@1000K", "2@1010K", "1@1021K", "2@1021K"));
    }

    @Test
    void aUnitThatDoesNotOpenWithAKeyframeContinuesTheFragmentUntilTheNextKeyframe() {
        assembler.tracks(List.of(VIDEO, AUDIO));
        assembler.unitStart(0);
        add(video(0, true), audio(0), video(40, false));
        assembler.unitStart(70_000);
        add(audio(70), video(80, false), video(120, true), audio(120));
        assembler.finish();

        assertThat(fragments).extracting(Fragment::timestampMicros).containsExactly(0L, 120_000L);
        assertThat(fragments).extracting(f -> times(f.frames())).containsExactly(
            List.of("1@0K", "2@0K", "1@40", "2@70K", "1@80"),
            List.of("1@120K", "2@120K"));
    }

    @Test
    void containerBoundariesDoNotCutVideo() {
        assembler.tracks(List.of(VIDEO));
        add(video(0, true), video(40, false));
        assembler.boundary();
        add(video(80, false));
        assembler.boundary();
        assembler.finish();

        assertThat(fragments).singleElement().satisfies(f -> assertThat(f.frames()).hasSize(3));
    }

    @Test
    void withoutVideoFragmentsEndAtBoundariesOrAfterTwoSeconds() {
        assembler.tracks(List.of(AUDIO));
        add(audio(0), audio(500));
        assembler.boundary();
        assertThat(fragments).hasSize(1);
        for (long t = 1_000; t <= 3_500; t += 500) {
            add(audio(t));
        }
        assembler.finish();

        assertThat(fragments).extracting(f -> f.frames().size()).containsExactly(2, 4, 2);
    }

    @Test
    void onlyThePrimaryVideoTrackCutsAndOthersMustStartWithAKeyframeInEachFragment() {
        assembler.tracks(List.of(VIDEO, SECOND_VIDEO));
        add(video(0, true), frame(3, 0, true), frame(3, 40, false), video(40, false), frame(3, 80, true),
            video(80, true), frame(3, 120, true));
        assembler.finish();
        assertThat(fragments).extracting(f -> f.frames().size()).containsExactly(5, 2);

        FragmentAssembler strict = new FragmentAssembler(new Recorder());
        strict.tracks(List.of(VIDEO, SECOND_VIDEO));
        strict.add(video(0, true), 0);
        assertRefused(() -> strict.add(frame(3, 0, false), 0), MkvError.INVALID_MKV_DATA);
    }

    @Test
    void newTracksEndTheFragmentInProgress() {
        assembler.tracks(List.of(VIDEO));
        add(video(0, true), video(40, false));
        assembler.tracks(List.of(VIDEO, AUDIO));
        add(video(80, true), audio(80));
        assembler.finish();

        assertThat(fragments).extracting(Fragment::tracks).containsExactly(List.of(VIDEO), List.of(VIDEO, AUDIO));
    }

    @Test
    void refusesVideoThatDoesNotStartWithAKeyframe() {
        assembler.tracks(List.of(VIDEO, AUDIO));
        add(audio(0));
        assertRefused(() -> assembler.add(video(0, false), 0), MkvError.INVALID_MKV_DATA);
        assertThat(events).containsExactly("start 0 at 1000", "frame 2@0");
    }

    @Test
    void refusesAFrameEarlierThanThePreviousFragmentsStart() {
        assembler.tracks(List.of(VIDEO));
        add(video(1_000, true), video(1_040, false));
        assertRefused(() -> assembler.add(video(999, true), 0), MkvError.FRAGMENT_TIMECODE_NOT_MONOTONIC);
        assertThat(fragments).hasSize(1);
    }

    @Test
    void refusesAFragmentAsSoonAsItLastsLongerThanTenSeconds() {
        assembler.tracks(List.of(VIDEO));
        add(video(0, true), video(9_960, false));
        assertRefused(() -> assembler.add(video(9_961, false), 0), MkvError.FRAGMENT_DURATION_LIMIT);
        assertThat(fragments).isEmpty();
    }

    @Test
    void refusesAFragmentLargerThanFiftyMegabytes() {
        assembler.tracks(List.of(VIDEO));
        add(video(0, true));
        Frame huge = new Frame(1, 40_000, 40_000, false, new byte[(int) FragmentRules.MAX_SIZE_BYTES]);
        assertRefused(() -> assembler.add(huge, 0), MkvError.FRAGMENT_SIZE_LIMIT);
    }

    @Test
    void refusesAFragmentMissingATrackWhenItCompletes() {
        assembler.tracks(List.of(VIDEO, AUDIO));
        add(video(0, true), video(40, false));
        assertRefused(() -> assembler.add(video(80, true), 0), MkvError.FRAMES_MISSING_FOR_TRACK);
        assertThat(fragments).isEmpty();
    }

    @Test
    void refusesFramesOfUndefinedTracks() {
        assembler.tracks(List.of(VIDEO));
        assertRefused(() -> assembler.add(audio(0), 0), MkvError.TRACK_NUMBER_MISMATCH);
    }

    private void add(Frame... frames) {
        for (Frame frame : frames) {
            assembler.add(frame, 1_000 + events.size());
        }
    }

    private static void assertRefused(ThrowableAssert.ThrowingCallable call, MkvError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MkvException.class,
            e -> assertThat(e.error()).isEqualTo(error));
    }

    private static List<String> times(List<Frame> frames) {
        return frames.stream().map(f -> f.track() + "@" + f.timestampMicros() / 1000 + (f.keyframe() ? "K" : ""))
            .toList();
    }

    private static Frame video(long millis, boolean keyframe) {
        return frame(1, millis, keyframe);
    }

    private static Frame audio(long millis) {
        return frame(2, millis, true);
    }

    private static Frame frame(int track, long millis, boolean keyframe) {
        return new Frame(track, millis * 1000, 40_000, keyframe, new byte[] {(byte) millis});
    }

    /** Keeps the events and the completed fragments. */
    private static final class Recorder implements FragmentAssembler.Listener {
        final List<String> events = new ArrayList<>();
        final List<Fragment> fragments = new ArrayList<>();

        @Override
        public void fragmentStarted(List<Track> tracks, long timestampMicros, long arrivalMillis) {
            events.add("start " + timestampMicros / 1000 + " at " + arrivalMillis);
        }

        @Override
        public void frameAdded(Frame frame) {
            events.add("frame " + frame.track() + "@" + frame.timestampMicros() / 1000);
        }

        @Override
        public void fragmentComplete(Fragment fragment) {
            events.add("complete " + fragment.frames().size());
            fragments.add(fragment);
        }
    }
}
