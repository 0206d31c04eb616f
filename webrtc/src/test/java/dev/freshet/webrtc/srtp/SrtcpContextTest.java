package dev.freshet.webrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.freshet.webrtc.srtp.UnprotectResult.Status;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SRTCP round trips, the E flag and index trailer, replay and tampering, for both profiles. */
class SrtcpContextTest {

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripEncryptsWithTheEFlagAndARisingIndex(SrtpProfile profile) {
        SrtcpContext sender = context(profile);
        SrtcpContext receiver = context(profile);
        byte[] rtcp = TestPackets.rtcp(42);
        for (int expectedIndex = 0; expectedIndex < 3; expectedIndex++) {
            byte[] srtcp = sender.protect(rtcp, 0, rtcp.length);
            assertThat(srtcp).hasSize(rtcp.length + 4 + profile.tagLength());
            int wordAt = profile.aead() ? srtcp.length - 4 : rtcp.length;
            assertThat(Bytes.int32(srtcp, wordAt)).isEqualTo(0x80000000 | expectedIndex);

            UnprotectResult result = receiver.unprotect(srtcp, 0, srtcp.length);

            assertThat(result).isEqualTo(new UnprotectResult(Status.OK, null, rtcp.length, 0, rtcp.length));
            assertThat(Arrays.copyOf(srtcp, rtcp.length)).isEqualTo(rtcp);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayAndTamperingAreReported(SrtpProfile profile) {
        byte[] rtcp = TestPackets.rtcp(42);
        byte[] srtcp = context(profile).protect(rtcp, 0, rtcp.length);
        byte[] copy = srtcp.clone();
        byte[] tampered = srtcp.clone();
        tampered[12] ^= 0x40;
        SrtcpContext receiver = context(profile);

        assertThat(receiver.unprotect(tampered, 0, tampered.length).status()).isEqualTo(Status.AUTH_FAILED);
        assertThat(receiver.unprotect(srtcp, 0, srtcp.length).status()).isEqualTo(Status.OK);
        assertThat(receiver.unprotect(copy, 0, copy.length).status()).isEqualTo(Status.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tooShortIsMalformed(SrtpProfile profile) {
        byte[] shortPacket = new byte[7 + 4 + profile.tagLength()];
        shortPacket[0] = (byte) 0x80;

        assertThat(context(profile).unprotect(shortPacket, 0, shortPacket.length).malformed())
                .isEqualTo(SrtpMalformed.TRUNCATED);
    }

    private static SrtcpContext context(SrtpProfile profile) {
        return SrtcpContext.create(profile, TestPackets.keyFor(profile));
    }
}
