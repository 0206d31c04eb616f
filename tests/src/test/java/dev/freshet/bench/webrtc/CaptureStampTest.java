package dev.freshet.bench.webrtc;

import dev.freshet.fragments.codec.H264Nals;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's capture stamp: an SEI NAL unit that survives RTP and is read back exactly. */
class CaptureStampTest {

    @Property
    void aStampReadsBackAsTheTimeItCarries(@ForAll @LongRange(min = 0) long epochNanos) {
        byte[] nal = CaptureStamp.nal(epochNanos);

        assertThat(nal[0] & 0x1F).isEqualTo(H264Nals.SEI);
        assertThat(CaptureStamp.read(nal, 0, nal.length)).hasValue(epochNanos);
    }

    @Property
    void noEmulationPreventionIsNeeded(@ForAll @LongRange(min = 0) long epochNanos) {
        byte[] nal = CaptureStamp.nal(epochNanos);

        for (int i = 0; i + 2 < nal.length; i++) {
            assertThat(nal[i] == 0 && nal[i + 1] == 0 && (nal[i + 2] & 0xFF) <= 3).as("00 00 0x at %d", i).isFalse();
        }
    }

    @Property
    void otherPayloadsAreNotStamps(@ForAll @Size(max = 64) byte[] payload) {
        OptionalLong read = CaptureStamp.read(payload, 0, payload.length);

        // anything that is not the benchmark's UUID and hex digits is ignored, never an exception
        if (read.isPresent()) {
            assertThat(CaptureStamp.nal(read.getAsLong())).isEqualTo(payload);
        }
    }
}
