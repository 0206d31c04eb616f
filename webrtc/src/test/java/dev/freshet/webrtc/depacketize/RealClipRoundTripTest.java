package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.AnnexB;
import dev.freshet.fragments.codec.H264Nals;
import dev.freshet.fragments.codec.H264ParameterSets;
import dev.freshet.fragments.codec.LengthPrefixed;
import dev.freshet.fragments.media.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RealClipRoundTripTest {

    private static final long START_MICROS = 1_700_000_000_000_000L;
    private static H264Clip clip;

    @BeforeAll
    static void encode(@TempDir Path dir) {
        clip = H264Clip.encode(dir, 25);
    }

    @Test
    void x264AccessUnitsSurvivePacketizeAndDepacketizeByteForByteExceptTheirDelimiters() {
        H264Packetizer packetizer = new H264Packetizer(1200, 4, 60_000);
        H264Depacketizer depacketizer = new H264Depacketizer();
        RtpClock clock = RtpClock.video();
        List<H264AccessUnit> units = new ArrayList<>();
        long timestamp = 0xFFFF_FFFFL - 3 * 3600;
        for (byte[] unit : clip.accessUnitsWithAud()) {
            List<RtpPayload> packets = packetizer.packetize(unit, timestamp);
            assertThat(packets).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(1200));
            packets.forEach(p -> depacketizer.push(p, units::add));
            timestamp = (timestamp + 3600) & 0xFFFF_FFFFL;
        }

        assertThat(units).extracting(H264AccessUnit::data).containsExactlyElementsOf(clip.accessUnits());
        assertThat(units).extracting(H264AccessUnit::keyframe).containsExactlyElementsOf(
            clip.accessUnits().stream().map(unit -> H264Nals.isKeyframe(unit, 4)).toList());
        assertThat(units.get(0).newCodecPrivate()).hasValueSatisfying(avcC -> assertThat(
            H264ParameterSets.fromAvcC(avcC)).isEqualTo(H264ParameterSets.from(
                LengthPrefixed.split(clip.accessUnits().get(0), 4))));
        assertThat(units.subList(1, units.size())).allSatisfy(u -> assertThat(u.newCodecPrivate()).isEmpty());
        assertThat(depacketizer.counters().toString()).doesNotContainPattern("=[1-9]");

        List<Frame> frames = units.stream().map(u -> u.toFrame(1, clock, START_MICROS)).toList();
        assertThat(frames.get(24).timestampMicros() - frames.get(0).timestampMicros()).isEqualTo(960_000);
    }

    @Test
    void keyframesSpanManyFuAPacketsAndTheyAllArrive() {
        H264Packetizer packetizer = new H264Packetizer(1200, 4, 0);
        byte[] keyframe = clip.accessUnits().get(0);
        List<RtpPayload> packets = packetizer.packetize(keyframe, 0);

        assertThat(packets.size()).isGreaterThan(2);
        assertThat(packets).filteredOn(p -> (p.byteAt(0) & 0x1F) == 28).isNotEmpty();
        assertThat(AnnexB.split(AnnexB.fromLengthPrefixed(keyframe, 4))).hasSizeGreaterThan(3);
    }
}
