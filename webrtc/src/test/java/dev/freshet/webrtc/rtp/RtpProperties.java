package dev.freshet.webrtc.rtp;

import dev.freshet.webrtc.MalformedInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever arrives, decoding yields a packet whose parts lie inside the given bytes, or raises
 * {@link MalformedInputException}; every valid packet survives encode then decode unchanged.
 */
class RtpProperties {

    @Property(tries = 1000)
    void arbitraryBytesDecodeInsideTheirBoundsOrAreRefused(@ForAll @Size(max = 120) byte[] body,
                                                           @ForAll @IntRange(max = 3) int slack) {
        // a valid-looking first byte makes the fuzzer reach past the version check
        byte[] b = new byte[body.length + 2 * slack];
        System.arraycopy(body, 0, b, slack, body.length);
        if (body.length > 0) {
            b[slack] = (byte) (0x80 | b[slack] & 0x3F);
        }
        try {
            RtpPacket p = RtpPacket.decode(b, slack, body.length);
            assertThat(p.payloadOffset()).isBetween(slack + 12, slack + body.length);
            assertThat(p.payloadOffset() + p.payloadLength() + p.paddingLength()).isEqualTo(slack + body.length);
            for (HeaderExtension e : p.extensions()) {
                assertThat(e.offset() + e.length()).isLessThanOrEqualTo(p.payloadOffset());
            }
            assertThat(p.extension(1)).isEqualTo(p.extensions().stream().filter(e -> e.id() == 1).findFirst().orElse(null));
        } catch (MalformedInputException e) {
            assertThat(e.reason()).isInstanceOf(RtpMalformed.class);
        }
    }

    @Property(tries = 500)
    void damagedValidPacketsDecodeOrAreRefused(@ForAll("packets") OutgoingRtpPacket packet,
                                                @ForAll @Size(max = 4) List<@IntRange(max = 0xFFFF) Integer> flips,
                                                @ForAll @IntRange(max = 100) int keepPercent) {
        byte[] b = packet.encode();
        for (int flip : flips) {
            b[flip % b.length] ^= (byte) (flip >> 8 | 1);
        }
        int len = keepPercent == 100 ? b.length : b.length * keepPercent / 100;
        try {
            RtpPacket p = RtpPacket.decode(b, 0, len);
            assertThat(p.payloadOffset() + p.payloadLength() + p.paddingLength()).isEqualTo(len);
            assertThat(p.extensions()).allSatisfy(e -> assertThat(e.offset() + e.length()).isLessThanOrEqualTo(len));
        } catch (MalformedInputException e) {
            assertThat(e.reason()).isInstanceOf(RtpMalformed.class);
        }
    }

    @Property(tries = 500)
    void encodeThenDecodeGivesThePacketBack(@ForAll("packets") OutgoingRtpPacket packet) {
        byte[] b = packet.encode();
        RtpPacket view = RtpPacket.decode(b, 0, b.length);
        assertThat(view.toOutgoing()).isEqualTo(packet);
        assertThat(view.encodedSize()).isEqualTo(b.length);
    }

    @Provide
    Arbitrary<OutgoingRtpPacket> packets() {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xFFFF_FFFFL);
        return Builders.withBuilder(() -> new Object[9])
                .use(Arbitraries.of(true, false)).in((a, v) -> set(a, 0, v))
                .use(Arbitraries.integers().between(0, 127)).in((a, v) -> set(a, 1, v))
                .use(Arbitraries.integers().between(0, 0xFFFF)).in((a, v) -> set(a, 2, v))
                .use(u32).in((a, v) -> set(a, 3, v))
                .use(u32).in((a, v) -> set(a, 4, v))
                .use(u32.list().ofMaxSize(15)).in((a, v) -> set(a, 5, v))
                .use(extensions()).in((a, v) -> set(a, 6, v))
                .use(Arbitraries.bytes().array(byte[].class).ofMaxSize(64)).in((a, v) -> set(a, 7, v))
                .use(Arbitraries.integers().between(0, 255)).in((a, v) -> set(a, 8, v))
                .build(RtpProperties::packet);
    }

    private static Object[] set(Object[] a, int i, Object v) {
        a[i] = v;
        return a;
    }

    @SuppressWarnings("unchecked")
    private static OutgoingRtpPacket packet(Object[] a) {
        return new OutgoingRtpPacket((Boolean) a[0], (Integer) a[1], (Integer) a[2], (Long) a[3], (Long) a[4],
                (List<Long>) a[5], (List<HeaderExtension>) a[6], (byte[]) a[7], (Integer) a[8]);
    }

    private static Arbitrary<List<HeaderExtension>> extensions() {
        Arbitrary<HeaderExtension> oneByte = Arbitraries.integers().between(1, 14).flatMap(id ->
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16).map(v -> HeaderExtension.of(id, v)));
        Arbitrary<HeaderExtension> twoByte = Arbitraries.integers().between(1, 255).flatMap(id ->
                Arbitraries.bytes().array(byte[].class).ofMaxSize(255).map(v -> HeaderExtension.of(id, v)));
        return Arbitraries.oneOf(oneByte.list().ofMaxSize(5), twoByte.list().ofMaxSize(4));
    }
}
