package dev.freshet.webrtc.srtp;

import java.util.Arrays;

/** RTP and RTCP packets and keys for the context tests. */
final class TestPackets {

    static final SrtpMasterKey CM_KEY = master(16, 14);
    static final SrtpMasterKey GCM_KEY = master(16, 12);

    private TestPackets() {
    }

    static SrtpMasterKey keyFor(SrtpProfile profile) {
        return profile.aead() ? GCM_KEY : CM_KEY;
    }

    /** An RTP packet with two CSRCs and a one-word header extension, so the header is 28 bytes. */
    static byte[] rtp(int seq, int ssrc, int payloadLength) {
        byte[] p = new byte[28 + payloadLength];
        p[0] = (byte) 0x92; // V=2, X=1, CC=2
        p[1] = 96;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        Bytes.putInt32(p, 8, ssrc);
        p[22] = 0;
        p[23] = 1; // extension length: one word
        for (int i = 28; i < p.length; i++) {
            p[i] = (byte) (seq + i);
        }
        return p;
    }

    /** A sender report with no report blocks (28 bytes). */
    static byte[] rtcp(int ssrc) {
        byte[] p = new byte[28];
        p[0] = (byte) 0x80;
        p[1] = (byte) 200;
        p[3] = 6;
        Bytes.putInt32(p, 4, ssrc);
        Arrays.fill(p, 8, 28, (byte) 0x5a);
        return p;
    }

    private static SrtpMasterKey master(int keyLength, int saltLength) {
        byte[] key = new byte[keyLength];
        byte[] salt = new byte[saltLength];
        for (int i = 0; i < keyLength; i++) {
            key[i] = (byte) (17 * i + 3);
        }
        for (int i = 0; i < saltLength; i++) {
            salt[i] = (byte) (31 * i + 7);
        }
        return new SrtpMasterKey(key, salt);
    }
}
