package dev.freshet.tests.video.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.kinesisvideoarchivedmedia.model.Fragment;

/**
 * What ListFragments must say about fragments made from a sample's clusters: one fragment per cluster,
 * fragment numbers increasing, producer timestamps equal to the base plus each cluster's timecode (to
 * the millisecond), durations of one GOP, sizes of what was sent, server timestamps from the upload.
 *
 * <p>Stateless; thread-safe.
 */
public final class FragmentAssertions {
    /** A fragment's length may differ from its GOP's frame count × frame time by this much (audio, rounding). */
    public static final long LENGTH_TOLERANCE_MILLIS = 100;
    /** Clock skew allowed between this JVM and the server for server timestamps. */
    private static final long CLOCK_SLACK_MILLIS = 1000;

    private FragmentAssertions() {
    }

    /**
     * @param fragments the listed fragments, in fragment-number order
     * @param baseMillis producer timestamp of cluster timecode 0 (the RELATIVE start, or 0 for ABSOLUTE
     *                   timecodes already in epoch milliseconds plus their offset)
     * @param sentFrom when the upload started
     * @param sentTo when the upload ended
     */
    public static void assertOneFragmentPerCluster(List<Fragment> fragments, MediaSamples.Media media, long baseMillis,
                                                   Instant sentFrom, Instant sentTo) {
        List<Mkv.Cluster> clusters = media.clusters();
        assertThat(fragments).as("one fragment per Matroska cluster sent").hasSize(clusters.size());
        assertThat(fragments).extracting(Fragment::fragmentNumber).allSatisfy(n -> assertThat(n).matches("[0-9]+"))
                .doesNotHaveDuplicates();
        assertThat(fragments).extracting(f -> new BigInteger(f.fragmentNumber())).isSorted();
        long headLength = media.mkv().head().length;
        long frameMillis = Math.round(1000.0 / media.fps());
        for (int i = 0; i < clusters.size(); i++) {
            Mkv.Cluster cluster = clusters.get(i);
            Fragment fragment = fragments.get(i);
            String what = "fragment " + i + " (" + fragment.fragmentNumber() + ", cluster timecode "
                    + cluster.timecodeMillis() + " ms)";
            assertThat(fragment.producerTimestamp().toEpochMilli()).as("%s: ProducerTimestamp = base + cluster timecode",
                    what).isEqualTo(baseMillis + cluster.timecodeMillis());
            long gopMillis = cluster.videoFrames(media.videoTrack()) * frameMillis;
            assertThat(fragment.fragmentLengthInMilliseconds()).as("%s: FragmentLengthInMilliseconds of a %d ms GOP",
                    what, gopMillis).isBetween(gopMillis - LENGTH_TOLERANCE_MILLIS, gopMillis + LENGTH_TOLERANCE_MILLIS);
            long payload = cluster.blocks().stream().mapToLong(Mkv.Block::size).sum();
            assertThat(fragment.fragmentSizeInBytes()).as("%s: FragmentSizeInBytes (frames %d bytes, cluster %d bytes)",
                    what, payload, cluster.length()).isBetween(payload, cluster.length() + headLength + 4096);
            assertThat(fragment.serverTimestamp()).as("%s: ServerTimestamp during the upload", what)
                    .isBetween(sentFrom.minusMillis(CLOCK_SLACK_MILLIS), sentTo.plusMillis(CLOCK_SLACK_MILLIS));
        }
        assertThat(fragments).extracting(Fragment::serverTimestamp).as("server timestamps in fragment order").isSorted();
    }

    /** The producer timestamps ListFragments must show: base + each cluster's timecode. */
    public static List<Long> expectedProducerMillis(MediaSamples.Media media, long baseMillis) {
        return media.clusters().stream().map(c -> baseMillis + c.timecodeMillis()).toList();
    }
}
