package dev.freshet.webrtc.rtcp;

import dev.freshet.webrtc.MalformedInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives, a compound decodes to packets or raises {@link MalformedInputException},
 * never another exception; any list of valid packets survives encode then decode unchanged.
 */
class RtcpProperties {

    private static final int[] TYPES = {200, 201, 202, 203, 204, 205, 206, 207};

    @Property(tries = 1000)
    void arbitraryBytesDecodeOrAreRefused(@ForAll @Size(max = 40) List<@Size(max = 40) byte[]> bodies,
                                          @ForAll @IntRange(max = 7) int typeSeed) {
        byte[] datagram = plausibleCompound(bodies, typeSeed);
        try {
            List<RtcpPacket> packets = RtcpCompound.decode(datagram, 0, datagram.length);
            assertThat(RtcpCompound.encodedSize(packets)).isNotNegative();
        } catch (MalformedInputException e) {
            assertThat(e.reason()).isInstanceOf(RtcpMalformed.class);
        }
    }

    /** Bodies behind headers that are mostly right, so that the fuzzer reaches the type decoders. */
    private static byte[] plausibleCompound(List<byte[]> bodies, int typeSeed) {
        int size = bodies.stream().mapToInt(b -> 4 + (b.length + 3) / 4 * 4).sum();
        byte[] out = new byte[size];
        int pos = 0;
        for (byte[] body : bodies) {
            int words = (body.length + 3) / 4;
            int first = body.length > 0 ? body[0] : 0;
            out[pos] = (byte) (0x80 | first & 0x3F);
            out[pos + 1] = (byte) TYPES[(typeSeed + body.length) % TYPES.length];
            // every third packet gets a random length word, the others the right one
            int length = body.length % 3 == 0 && body.length > 1 ? body[1] & 0xFF : words;
            out[pos + 2] = (byte) (length >> 8);
            out[pos + 3] = (byte) length;
            System.arraycopy(body, 0, out, pos + 4, body.length);
            pos += 4 + 4 * words;
        }
        return out;
    }

    @Property(tries = 500)
    void damagedValidCompoundsDecodeOrAreRefused(@ForAll("compounds") List<RtcpPacket> packets,
                                                 @ForAll @Size(max = 4) List<@IntRange(max = 0xFFFF) Integer> flips,
                                                 @ForAll @IntRange(max = 100) int keepPercent) {
        byte[] b = RtcpCompound.encode(packets);
        for (int flip : flips) {
            b[flip % b.length] ^= (byte) (flip >> 8 | 1);
        }
        int len = keepPercent == 100 ? b.length : b.length * keepPercent / 100;
        try {
            RtcpCompound.decode(b, 0, len);
        } catch (MalformedInputException e) {
            assertThat(e.reason()).isInstanceOf(RtcpMalformed.class);
        }
    }

    @Property(tries = 500)
    void encodeThenDecodeGivesThePacketsBack(@ForAll("compounds") List<RtcpPacket> packets) {
        byte[] datagram = RtcpCompound.encode(packets);
        assertThat(datagram.length % 4).isZero();
        assertThat(RtcpCompound.decode(datagram, 0, datagram.length)).isEqualTo(packets);
    }

    @Property(tries = 300)
    void ntpTimeRoundTripsEveryMicrosecond(@ForAll("epochMicros") long micros) {
        assertThat(NtpTime.toEpochMicros(NtpTime.fromEpochMicros(micros))).isEqualTo(micros);
    }

    @Provide
    Arbitrary<Long> epochMicros() {
        // 1968-01-20 to 2104-02-26, the range of the two NTP eras this package reads
        return Arbitraries.longs().between(-61_505_151_000_000L, 4_232_147_295_000_000L);
    }

    @Provide
    Arbitrary<List<RtcpPacket>> compounds() {
        return Arbitraries.oneOf(List.of(senderReports(), receiverReports(), sdes(), byes(), nacks(), plis(), firs(),
                rembs(), transportCcs())).list().ofMinSize(1).ofMaxSize(5);
    }

    private static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().ofMaxLength(60);
    }

    private static Arbitrary<ReportBlock> reportBlocks() {
        return Combinators.combine(u32(), Arbitraries.integers().between(0, 255),
                        Arbitraries.integers().between(-(1 << 23), (1 << 23) - 1), u32(), u32(), u32(), u32())
                .as(ReportBlock::new);
    }

    private static Arbitrary<RtcpPacket> senderReports() {
        return Combinators.combine(u32(), Arbitraries.longs(), u32(), u32(), u32(), reportBlocks().list().ofMaxSize(31))
                .as(SenderReport::new);
    }

    private static Arbitrary<RtcpPacket> receiverReports() {
        return Combinators.combine(u32(), reportBlocks().list().ofMaxSize(31)).as(ReceiverReport::new);
    }

    private static Arbitrary<RtcpPacket> sdes() {
        Arbitrary<Sdes.Item> item = Combinators.combine(Arbitraries.integers().between(1, 255), text()).as(Sdes.Item::new);
        Arbitrary<Sdes.Chunk> chunk = Combinators.combine(u32(), item.list().ofMaxSize(4)).as(Sdes.Chunk::new);
        return chunk.list().ofMaxSize(5).map(Sdes::new);
    }

    private static Arbitrary<RtcpPacket> byes() {
        return Combinators.combine(u32().list().ofMaxSize(31), text()).as(Bye::new);
    }

    private static Arbitrary<RtcpPacket> nacks() {
        // oldest first across a wrap: a start and increasing steps within a half circle
        Arbitrary<List<Integer>> lost = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
                        Arbitraries.integers().between(1, 40).list().ofMaxSize(60))
                .as((start, steps) -> {
                    List<Integer> seqs = new ArrayList<>();
                    int seq = start;
                    for (int step : steps) {
                        seqs.add(seq);
                        seq = (seq + step) & 0xFFFF;
                    }
                    return seqs;
                });
        return Combinators.combine(u32(), u32(), lost).as(GenericNack::new);
    }

    private static Arbitrary<RtcpPacket> plis() {
        return Combinators.combine(u32(), u32()).as(PictureLossIndication::new);
    }

    private static Arbitrary<RtcpPacket> firs() {
        Arbitrary<FullIntraRequest.Entry> entry = Combinators.combine(u32(), Arbitraries.integers().between(0, 255))
                .as(FullIntraRequest.Entry::new);
        return Combinators.combine(u32(), entry.list().ofMaxSize(5)).as(FullIntraRequest::new);
    }

    private static Arbitrary<RtcpPacket> rembs() {
        // only bitrates an 18-bit mantissa holds exactly come back unchanged
        Arbitrary<Long> bitrate = Combinators.combine(Arbitraries.longs().between(0, (1 << 18) - 1),
                Arbitraries.integers().between(0, 45)).as((m, e) -> m << e);
        return Combinators.combine(u32(), bitrate, u32().list().ofMaxSize(10)).as(Remb::new);
    }

    private static Arbitrary<RtcpPacket> transportCcs() {
        Arbitrary<Integer> delta = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 255)),
                Tuple.of(1, Arbitraries.integers().between(-32768, 32767)),
                Tuple.of(2, Arbitraries.just(TransportCc.NOT_RECEIVED)));
        Arbitrary<List<Integer>> deltas = Arbitraries.oneOf(delta.list().ofMaxSize(80),
                delta.map(d -> List.of(d, d, d, d, d, d, d, d, d, d, d, d, d, d, d, d)));
        return Combinators.combine(u32(), u32(), Arbitraries.integers().between(0, 0xFFFF),
                        Arbitraries.integers().between(-(1 << 23), (1 << 23) - 1),
                        Arbitraries.integers().between(0, 255), deltas)
                .as(TransportCc::new);
    }
}
