package dev.freshet.webrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.webrtc.srtp.UnprotectResult.Status;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever a peer sends, unprotect answers with a status: no exception, and no forgery passes. */
class UnprotectProperties {

    @Property(tries = 300)
    void arbitraryBytesNeverThrowNorVerify(@ForAll @Size(max = 300) byte[] bytes, @ForAll SrtpProfile profile) {
        byte[] copy = bytes.clone();
        UnprotectResult rtp = SrtpContext.create(profile, TestPackets.keyFor(profile)).unprotect(bytes, 0, bytes.length);
        UnprotectResult rtcp = SrtcpContext.create(profile, TestPackets.keyFor(profile)).unprotect(copy, 0, copy.length);

        assertThat(rtp.status()).isNotEqualTo(Status.OK);
        assertThat(rtcp.status()).isNotEqualTo(Status.OK);
    }

    @Property(tries = 300)
    void flippingBitsOfAValidPacketIsNeverAccepted(@ForAll SrtpProfile profile, @ForAll @IntRange(max = 65535) int seq,
                                                   @ForAll @IntRange(min = 1, max = 255) int mask,
                                                   @ForAll @IntRange(max = 10_000) int position) {
        byte[] rtp = TestPackets.rtp(seq, 7, 30);
        byte[] srtp = SrtpContext.create(profile, TestPackets.keyFor(profile)).protect(rtp, 0, rtp.length);
        srtp[position % srtp.length] ^= (byte) mask;

        UnprotectResult result = SrtpContext.create(profile, TestPackets.keyFor(profile)).unprotect(srtp, 0, srtp.length);

        assertThat(result.status()).isIn(Status.AUTH_FAILED, Status.MALFORMED);
    }
}
