package dev.freshet.webrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Packet-level vectors: the RFC 3711 Appendix B.2 AES-CM keystream, and RFC 7714 §16.1 (SRTP)
 * and §17.1, §17.3 (SRTCP) AEAD_AES_128_GCM. Both are stated with session keys, so they run
 * below key derivation.
 */
class RfcVectorTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void aesCmKeystreamMatchesAppendixB2() {
        SessionKeys keys = new SessionKeys(HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c"), new byte[20],
                HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfd"));
        SrtpContext context = new SrtpContext(SrtpProfile.AES128_CM_HMAC_SHA1_80, keys, 64);
        int blocks = 0xff02;
        byte[] rtp = new byte[12 + 16 * blocks]; // SSRC 0, SEQ 0, ROC 0, payload all zero
        rtp[0] = (byte) 0x80;

        byte[] keystream = Arrays.copyOfRange(context.protect(rtp, 0, rtp.length), 12, rtp.length);

        assertThat(block(keystream, 0)).isEqualTo("e03ead0935c95e80e166b16dd92b4eb4");
        assertThat(block(keystream, 1)).isEqualTo("d23513162b02d0f72a43a2fe4a5f97ab");
        assertThat(block(keystream, 2)).isEqualTo("41e95b3bb0a2e8dd477901e4fca894c0");
        assertThat(block(keystream, 0xfeff)).isEqualTo("ec8cdf7398607cb0f2d21675ea9ea1e4");
        assertThat(block(keystream, 0xff00)).isEqualTo("362b7c3c6773516318a077d7fc5073ae");
        assertThat(block(keystream, 0xff01)).isEqualTo("6a2cc3787889374fbeb4c81b17ba6c44");
    }

    private static final String GCM_KEY = "000102030405060708090a0b0c0d0e0f";
    private static final String GCM_SALT = "517569642070726f2071756f";
    private static final String RTP = "8040f17b8041f8d35501a0b2"
            + "47616c6c696120657374206f6d6e69732064697669736120696e207061727465732074726573";
    private static final String SRTP = "8040f17b8041f8d35501a0b2"
            + "f24de3a3fb34de6cacba861c9d7e4bcabe633bd50d294e6f42a5f47a51c7d19b36de3adf8833"
            + "899d7f27beb16a9152cf765ee4390cce";
    private static final String RTCP = "81c8000d4d6172734e5450314e545032525450200000042a0000e930"
            + "4c756e61deadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
    private static final String SRTCP = "81c8000d4d61727363e94885dcdab67ca727d7662f6b7e997ff5c0f76c06f32dc676a5f1"
            + "730d6fda4ce09b4686303ded0bb9275bc84aa45896cf4d2fc5abf87245d9eade800005d4";
    private static final String SRTCP_UNENCRYPTED = RTCP + "841dd9683dd78ec92ae58790125f62b3000005d4";

    @Test
    void gcmSrtpProtectsAsInRfc7714Section16_1() {
        byte[] rtp = HEX.parseHex(RTP);

        assertThat(HEX.formatHex(gcmSrtp().protect(rtp, 0, rtp.length))).isEqualTo(SRTP);
    }

    @Test
    void gcmSrtpUnprotectsAsInRfc7714Section16_1() {
        byte[] srtp = HEX.parseHex(SRTP);

        UnprotectResult result = gcmSrtp().unprotect(srtp, 0, srtp.length);

        assertThat(result.status()).isEqualTo(UnprotectResult.Status.OK);
        assertThat(HEX.formatHex(srtp, 0, result.packetLength())).isEqualTo(RTP);
        assertThat(result.payloadOffset()).isEqualTo(12);
        assertThat(result.payloadLength()).isEqualTo(38);
    }

    @Test
    void gcmSrtcpMatchesRfc7714Section17_1BothWays() {
        byte[] srtcp = HEX.parseHex(SRTCP);
        assertThat(gcmSrtcp().unprotect(srtcp, 0, srtcp.length).ok()).isTrue();
        assertThat(HEX.formatHex(srtcp, 0, srtcp.length - 20)).isEqualTo(RTCP);

        SrtcpContext sender = gcmSrtcp();
        byte[] rtcp = HEX.parseHex(RTCP);
        for (int i = 0; i < 0x5d4; i++) {
            sender.protect(rtcp, 0, rtcp.length); // the vector's SRTCP index is 0x5d4
        }
        assertThat(HEX.formatHex(sender.protect(rtcp, 0, rtcp.length))).isEqualTo(SRTCP);
    }

    @Test
    void gcmSrtcpWithoutEncryptionVerifiesAsInRfc7714Section17_3() {
        byte[] tagged = HEX.parseHex(SRTCP_UNENCRYPTED);

        UnprotectResult result = gcmSrtcp().unprotect(tagged, 0, tagged.length);

        assertThat(result.status()).isEqualTo(UnprotectResult.Status.OK);
        assertThat(HEX.formatHex(tagged, 0, result.packetLength())).isEqualTo(RTCP);
    }

    private static SrtpContext gcmSrtp() {
        return new SrtpContext(SrtpProfile.AEAD_AES_128_GCM, gcmKeys(), 64);
    }

    private static SrtcpContext gcmSrtcp() {
        return new SrtcpContext(SrtpProfile.AEAD_AES_128_GCM, gcmKeys());
    }

    private static SessionKeys gcmKeys() {
        return new SessionKeys(HEX.parseHex(GCM_KEY), new byte[0], HEX.parseHex(GCM_SALT));
    }

    private static String block(byte[] keystream, int n) {
        return HEX.formatHex(keystream, 16 * n, 16 * n + 16);
    }
}
