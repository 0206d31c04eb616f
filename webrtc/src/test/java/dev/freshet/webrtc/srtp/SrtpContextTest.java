package dev.freshet.webrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.srtp.UnprotectResult.Status;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Round trips, sequence wraparound, replay and tampering, for both profiles. */
class SrtpContextTest {

    private static final int SSRC = 0x11223344;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void roundTripRestoresThePacketAndReportsPayloadBounds(SrtpProfile profile) {
        byte[] rtp = TestPackets.rtp(1000, SSRC, 200);
        byte[] srtp = sender(profile).protect(rtp, 0, rtp.length);
        assertThat(srtp).hasSize(rtp.length + profile.tagLength());
        assertThat(Arrays.copyOfRange(srtp, 28, rtp.length)).isNotEqualTo(Arrays.copyOfRange(rtp, 28, rtp.length));

        UnprotectResult result = receiver(profile).unprotect(srtp, 0, srtp.length);

        assertThat(result).isEqualTo(new UnprotectResult(Status.OK, null, rtp.length, 28, 200));
        assertThat(Arrays.copyOf(srtp, rtp.length)).isEqualTo(rtp);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void sequenceWraparoundIncrementsTheRolloverCounterOnBothSides(SrtpProfile profile) {
        SrtpContext sender = sender(profile);
        SrtpContext receiver = receiver(profile);
        for (int i = 0; i < 3 * 65536 + 10; i += 97) { // three wraps, stepping over every boundary
            int seq = (65500 + i) & 0xFFFF;
            assertThat(roundTrip(sender, receiver, seq)).as("seq %d after %d", seq, i).isEqualTo(Status.OK);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsReorderedAcrossTheWrapStillDecrypt(SrtpProfile profile) {
        SrtpContext sender = sender(profile);
        int[] sent = {65533, 65534, 65535, 0, 1};
        byte[][] wire = new byte[sent.length][];
        for (int i = 0; i < sent.length; i++) {
            byte[] rtp = TestPackets.rtp(sent[i], SSRC, 40);
            wire[i] = sender.protect(rtp, 0, rtp.length);
        }
        SrtpContext receiver = receiver(profile);
        for (int i : new int[] {0, 3, 2, 4, 1}) {
            assertThat(receiver.unprotect(wire[i], 0, wire[i].length).status()).as("seq %d", sent[i]).isEqualTo(Status.OK);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aSecondCopyIsAReplay(SrtpProfile profile) {
        byte[] rtp = TestPackets.rtp(5, SSRC, 50);
        byte[] srtp = sender(profile).protect(rtp, 0, rtp.length);
        byte[] copy = srtp.clone();
        SrtpContext receiver = receiver(profile);

        assertThat(receiver.unprotect(srtp, 0, srtp.length).status()).isEqualTo(Status.OK);
        assertThat(receiver.unprotect(copy, 0, copy.length).status()).isEqualTo(Status.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsOlderThanTheWindowAreReplays(SrtpProfile profile) {
        SrtpContext sender = sender(profile);
        SrtpContext receiver = receiver(profile);
        byte[] old = TestPackets.rtp(100, SSRC, 10);
        byte[] oldWire = sender.protect(old, 0, old.length);

        assertThat(roundTrip(sender, receiver, 100 + ReplayWindow.DEFAULT_SIZE)).isEqualTo(Status.OK);
        assertThat(receiver.unprotect(oldWire, 0, oldWire.length).status()).isEqualTo(Status.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperingAnyByteFailsAuthenticationAndLeavesNoState(SrtpProfile profile) {
        byte[] srtp = protectedPacket(profile, 7);
        SrtpContext receiver = receiver(profile);
        for (int at : new int[] {1, 3, 20, 40, srtp.length - 1}) {
            byte[] bad = srtp.clone();
            bad[at] ^= 0x01;
            assertThat(receiver.unprotect(bad, 0, bad.length).status()).as("byte %d", at).isEqualTo(Status.AUTH_FAILED);
        }
        assertThat(receiver.unprotect(srtp, 0, srtp.length).status()).isEqualTo(Status.OK);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theOtherDirectionsKeyDoesNotVerify(SrtpProfile profile) {
        byte[] srtp = protectedPacket(profile, 7);
        SrtpMasterKey other = new SrtpMasterKey(new byte[16], new byte[profile.saltLength()]);

        assertThat(SrtpContext.create(profile, other).unprotect(srtp, 0, srtp.length).status())
                .isEqualTo(Status.AUTH_FAILED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void worksAtAnOffsetInALargerBuffer(SrtpProfile profile) {
        byte[] rtp = TestPackets.rtp(9, SSRC, 64);
        byte[] srtp = sender(profile).protect(rtp, 0, rtp.length);
        byte[] buffer = new byte[srtp.length + 50];
        System.arraycopy(srtp, 0, buffer, 20, srtp.length);

        UnprotectResult result = receiver(profile).unprotect(buffer, 20, srtp.length);

        assertThat(result.payloadOffset()).isEqualTo(20 + 28);
        assertThat(Arrays.copyOfRange(buffer, 20, 20 + result.packetLength())).isEqualTo(rtp);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void shortOrWrongVersionPacketsAreMalformed(SrtpProfile profile) {
        byte[] rtp = TestPackets.rtp(9, SSRC, 64);
        rtp[0] = 0x40;
        SrtpContext receiver = receiver(profile);

        assertThat(receiver.unprotect(rtp, 0, rtp.length).malformed()).isEqualTo(SrtpMalformed.BAD_VERSION);
        assertThat(receiver.unprotect(new byte[20], 0, 20).malformed()).isEqualTo(SrtpMalformed.TRUNCATED);
        assertThatThrownBy(() -> sender(profile).protect(rtp, 0, rtp.length))
                .isInstanceOfSatisfying(MalformedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo(SrtpMalformed.BAD_VERSION));
    }

    private static byte[] protectedPacket(SrtpProfile profile, int seq) {
        byte[] rtp = TestPackets.rtp(seq, SSRC, 30);
        return sender(profile).protect(rtp, 0, rtp.length);
    }

    private static Status roundTrip(SrtpContext sender, SrtpContext receiver, int seq) {
        byte[] rtp = TestPackets.rtp(seq, SSRC, 20);
        byte[] srtp = sender.protect(rtp, 0, rtp.length);
        return receiver.unprotect(srtp, 0, srtp.length).status();
    }

    private static SrtpContext sender(SrtpProfile profile) {
        return SrtpContext.create(profile, TestPackets.keyFor(profile));
    }

    private static SrtpContext receiver(SrtpProfile profile) {
        return SrtpContext.create(profile, TestPackets.keyFor(profile));
    }
}
