package dev.freshet.webrtc.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B.3 key derivation, and the exporter split of RFC 5764 §4.2. */
class KeyDerivationTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SrtpMasterKey MASTER = new SrtpMasterKey(
            HEX.parseHex("e1f97a0d3e018be0d64fa32c06de4139"), HEX.parseHex("0ec675ad498afeebb6960b3aabe6"));

    @Test
    void srtpSessionKeysMatchAppendixB3() {
        SessionKeys keys = SessionKeys.forSrtp(SrtpProfile.AES128_CM_HMAC_SHA1_80, MASTER);

        assertThat(HEX.formatHex(keys.encryptionKey())).isEqualTo("c61e7a93744f39ee10734afe3ff7a087");
        assertThat(HEX.formatHex(keys.salt())).isEqualTo("30cbbc08863d8c85d49db34a9ae1");
        assertThat(HEX.formatHex(keys.authenticationKey())).isEqualTo("cebe321f6ff7716b6fd4ab49af256a156d38baa4");
    }

    @Test
    void authKeyPrfRunsPastOneBlockAsInAppendixB3() {
        byte[] longKey = KeyDerivation.derive(MASTER, KeyDerivation.SRTP_AUTHENTICATION, 48);

        assertThat(HEX.formatHex(longKey)).isEqualTo("cebe321f6ff7716b6fd4ab49af256a15"
                + "6d38baa48f0a0acf3c34e2359e6cdbce" + "e049646c43d9327ad175578ef7227098");
    }

    @Test
    void srtcpSessionKeysUseLabelsThreeToFive() {
        SessionKeys keys = SessionKeys.forSrtcp(SrtpProfile.AES128_CM_HMAC_SHA1_80, MASTER);

        assertThat(HEX.formatHex(keys.encryptionKey())).isEqualTo("4c1aa45a81f73d61c800bbb00fbb1eaa");
        assertThat(HEX.formatHex(keys.salt())).isEqualTo("9581c7ad87b3e530bf3e4454a8b3");
    }

    @Test
    void gcmSessionKeysHaveNoAuthKeyAndATwelveByteSalt() {
        SrtpMasterKey master = new SrtpMasterKey(new byte[16], new byte[12]);
        SessionKeys keys = SessionKeys.forSrtp(SrtpProfile.AEAD_AES_128_GCM, master);

        assertThat(keys.authenticationKey()).isEmpty();
        assertThat(keys.salt()).hasSize(12);
    }

    @Test
    void exportedMaterialSplitsClientKeyServerKeyClientSaltServerSalt() {
        byte[] exported = new byte[60];
        for (int i = 0; i < exported.length; i++) {
            exported[i] = (byte) i;
        }
        SrtpKeyingMaterial m = SrtpKeyingMaterial.export(SrtpProfile.AES128_CM_HMAC_SHA1_80, (label, length) -> {
            assertThat(label).isEqualTo("EXTRACTOR-dtls_srtp");
            assertThat(length).isEqualTo(60);
            return exported.clone();
        });

        assertThat(m.client().key()[0]).isEqualTo((byte) 0);
        assertThat(m.server().key()[0]).isEqualTo((byte) 16);
        assertThat(m.client().salt()[0]).isEqualTo((byte) 32);
        assertThat(m.server().salt()[0]).isEqualTo((byte) 46);
        assertThat(m.sending(true)).isEqualTo(m.receiving(false)).isEqualTo(m.client());
        assertThat(m.toString()).doesNotContain("[0, 1");
    }
}
