package dev.freshet.webrtc.depacketize;

/**
 * The RTP payload header of H.264 (RFC 6184 5.2-5.8): the first byte has the shape of a NAL unit
 * header, and its type says which structure follows. Stateless; thread-safe.
 *
 * <pre>
 *   payload header (5.3)      FU header (5.8)
 *   +-+-+-+-+-+-+-+-+         +-+-+-+-+-+-+-+-+
 *   |F|NRI|  Type   |         |S|E|R|  Type   |
 *   +-+-+-+-+-+-+-+-+         +-+-+-+-+-+-+-+-+
 *   Type 1-23 single NAL unit, 24 STAP-A, 25 STAP-B, 26 MTAP16, 27 MTAP24, 28 FU-A, 29 FU-B
 * </pre>
 */
final class H264Rtp {

    static final int STAP_A = 24;
    static final int STAP_B = 25;
    static final int MTAP16 = 26;
    static final int MTAP24 = 27;
    static final int FU_A = 28;
    static final int FU_B = 29;

    static final int FU_START = 0x80;
    static final int FU_END = 0x40;
    /** F and NRI: the bits of the NAL header that FU indicators and STAP-A headers carry over. */
    static final int F_NRI = 0xE0;
    static final int TYPE = 0x1F;
    /** A STAP-A's 16-bit NAL unit size field. */
    static final int STAP_SIZE_BYTES = 2;
    /** FU indicator and FU header. */
    static final int FU_HEADER_BYTES = 2;

    private H264Rtp() {
    }

    /** Whether a NAL unit of {@code type} may stand alone, in a STAP-A or in FUs (1..23). */
    static boolean isNalType(int type) {
        return type >= 1 && type <= 23;
    }
}
