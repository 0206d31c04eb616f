package dev.freshet.fragments.dash;

import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.testmedia.IsoBox;
import dev.freshet.fragments.testmedia.MkvSamples;
import dev.freshet.fragments.testmedia.StoredStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each DASH segment holds one track; the byte level, where ffmpeg's playback cannot tell. */
class DashMediaTest {

    static final long START = 1_800_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void initAndMediaSegmentsHoldOnlyTheirTrack() {
        try (StoredStream stream = StoredStream.upload(dir, MkvSamples.h264Aac(), START)) {
            long sequence = stream.log().after(-1, 1).get(0).sequence();
            for (int track : List.of(1, 2)) {
                IsoBox moov = box(DashMedia.init(stream.log(), sequence, track), "moov");
                assertThat(moov.all("trak")).singleElement()
                    .satisfies(trak -> assertThat(trak.child("tkhd").u32(12)).isEqualTo(track));
                IsoBox moof = box(DashMedia.mediaSegment(stream.log(), sequence, track), "moof");
                assertThat(moof.all("traf")).singleElement()
                    .satisfies(traf -> assertThat(traf.child("tfhd").u32(4)).isEqualTo(track));
            }
        }
    }

    @Test
    void aTrackTheFragmentLacksIsNotFound() {
        try (StoredStream stream = StoredStream.upload(dir, MkvSamples.h264Aac(), START)) {
            FragmentInfo first = stream.log().after(-1, 1).get(0);
            for (Runnable request : List.<Runnable>of(() -> DashMedia.init(stream.log(), first.sequence(), 3),
                () -> DashMedia.mediaSegment(stream.log(), first.sequence(), 3),
                () -> DashMedia.mediaSegment(stream.log(), first.sequence() + 1000, 1))) {
                assertThatThrownBy(request::run).isInstanceOfSatisfying(PlaybackException.class,
                    e -> assertThat(e.reason()).isEqualTo(PlaybackException.Reason.NOT_FOUND));
            }
        }
    }

    private static IsoBox box(byte[] segment, String type) {
        return IsoBox.parse(segment).stream().filter(b -> b.type().equals(type)).findFirst().orElseThrow();
    }
}
