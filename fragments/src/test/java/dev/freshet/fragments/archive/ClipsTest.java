package dev.freshet.fragments.archive;

import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.TimestampKind;
import dev.freshet.fragments.testmedia.MkvSamples;
import dev.freshet.fragments.testmedia.StoredStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClipsTest {

    private static final long START = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void aClipHoldsTheFragmentsThatStartInTheRangeBothEndsIncluded() {
        try (StoredStream stream = StoredStream.upload(dir, MkvSamples.h264Aac(), START)) {
            List<FragmentInfo> all = stream.log().after(-1, 100);
            assertThat(all).hasSizeGreaterThan(3);
            long from = all.get(1).producerTimestampMillis();
            long to = all.get(3).producerTimestampMillis();

            List<FragmentInfo> clip = Clips.select(stream.log(), new FragmentSelector(TimestampKind.PRODUCER, from, to));

            assertThat(clip).as("fragment 0 runs into the range but starts before it")
                .extracting(FragmentInfo::sequence).containsExactly(all.get(1).sequence(), all.get(2).sequence(),
                    all.get(3).sequence());
        }
    }
}
