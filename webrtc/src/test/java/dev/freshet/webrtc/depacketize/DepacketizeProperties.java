package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.LengthPrefixed;
import dev.freshet.fragments.codec.NalUnit;
import dev.freshet.webrtc.MalformedInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DepacketizeProperties {

    /** Payloads that look like H.264 packets often enough to reach every branch: a chosen header byte, then noise. */
    @Provide
    Arbitrary<byte[]> h264Payload() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<Integer> header = Arbitraries.oneOf(Arbitraries.integers().between(0, 255),
            Arbitraries.of(0x78, 0x7C, 0x67, 0x68, 0x65, 0x41, 0x79, 0x7D));
        return Arbitraries.frequencyOf(
            Tuple.of(1, noise),
            Tuple.of(4, header.flatMap(h -> noise.map(n -> prepend((byte) (int) h, n)))));
    }

    @Property(tries = 300)
    void anyH264PacketsGiveAccessUnitsOrMalformedInputOnly(
            @ForAll @Size(max = 12) List<@From("h264Payload") byte[]> payloads,
            @ForAll @Size(value = 12) List<@IntRange(min = 0, max = 2) Integer> seqSteps,
            @ForAll @Size(value = 12) List<Boolean> markers) {
        H264Depacketizer depacketizer = new H264Depacketizer();
        List<H264AccessUnit> out = new ArrayList<>();
        int seq = 65530;
        for (int i = 0; i < payloads.size(); i++) {
            seq = (seq + seqSteps.get(i)) & 0xFFFF;
            RtpPayload packet = RtpPayload.of(seq, i / 3 * 3000L, markers.get(i), payloads.get(i));
            try {
                depacketizer.push(packet, out::add);
            } catch (MalformedInputException expected) {
                assertThat(expected.reason()).isInstanceOf(DepacketizeMalformed.class);
            }
        }
        depacketizer.flush(out::add);
        assertThat(out).allSatisfy(unit -> assertThat(unit.data()).isNotEmpty());
    }

    @Property(tries = 300)
    void anyOpusPayloadGivesAPacketOrMalformedInputOnly(@ForAll @Size(max = 8) byte[] payload) {
        try {
            OpusPacket packet = new OpusDepacketizer().depacketize(RtpPayload.of(1, 0, false, payload)).orElseThrow();
            assertThat(packet.durationMicros()).isBetween(2_500L, 120_000L);
        } catch (MalformedInputException expected) {
            assertThat(expected.reason()).isInstanceOf(DepacketizeMalformed.class);
        }
    }

    @Property(tries = 200)
    void packetizeThenDepacketizeGivesBackTheAccessUnit(
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 2, max = 5000) Integer> nalSizes, // a slice has a header
            @ForAll @IntRange(min = H264Packetizer.MIN_MTU, max = 1500) int mtu,
            @ForAll int firstSequenceNumber,
            @ForAll @IntRange(min = 0) int timestamp) {
        List<NalUnit> nals = new ArrayList<>();
        for (int i = 0; i < nalSizes.size(); i++) {
            // NAL unit types the depacketizer keeps as they are (slice, SEI, filler), and an IDR last
            int header = i == nalSizes.size() - 1 ? 0x65 : new int[] {0x41, 0x06, 0x0C}[i % 3];
            nals.add(NalUnit.of(Packets.slice(header, nalSizes.get(i))));
        }
        byte[] unit = LengthPrefixed.join(nals, 4);
        H264Packetizer packetizer = new H264Packetizer(mtu, 4, firstSequenceNumber);
        H264Depacketizer depacketizer = new H264Depacketizer();
        List<H264AccessUnit> out = new ArrayList<>();
        for (RtpPayload packet : packetizer.packetize(unit, timestamp)) {
            assertThat(packet.length()).isLessThanOrEqualTo(mtu);
            depacketizer.push(packet, out::add);
        }

        assertThat(out).singleElement().satisfies(u -> {
            assertThat(u.data()).isEqualTo(unit);
            assertThat(u.keyframe()).isTrue();
            assertThat(u.rtpTimestamp()).isEqualTo(timestamp);
        });
    }

    private static byte[] prepend(byte first, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
