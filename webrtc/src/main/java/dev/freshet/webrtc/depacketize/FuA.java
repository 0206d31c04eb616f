package dev.freshet.webrtc.depacketize;

import dev.freshet.webrtc.MalformedInputException;

/**
 * The two header bytes of a fragmentation unit, FU-A (RFC 6184 5.8): the fragmented NAL unit's
 * header is split between them (F and NRI in the indicator, the type in the FU header).
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   | FU indicator  |   FU header   |                               |
 *   |F|NRI| Type=28 |S|E|R|  Type   |       FU payload  ..          |
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Immutable.
 *
 * @param start     S: the first fragment of the NAL unit
 * @param end       E: the last fragment
 * @param nalHeader the fragmented NAL unit's header byte, put back together
 */
record FuA(boolean start, boolean end, byte nalHeader) {

    static FuA parse(RtpPayload packet) {
        if (packet.length() < H264Rtp.FU_HEADER_BYTES) {
            throw new MalformedInputException(DepacketizeMalformed.H264_TRUNCATED_FU_A,
                "seq " + packet.sequenceNumber() + ": " + packet.length() + " bytes");
        }
        int indicator = packet.byteAt(0);
        int header = packet.byteAt(1);
        boolean start = (header & H264Rtp.FU_START) != 0;
        boolean end = (header & H264Rtp.FU_END) != 0;
        if (start && end) {
            throw new MalformedInputException(DepacketizeMalformed.H264_FU_A_START_AND_END,
                "seq " + packet.sequenceNumber());
        }
        int type = header & H264Rtp.TYPE;
        if (!H264Rtp.isNalType(type)) {
            throw new MalformedInputException(DepacketizeMalformed.H264_BAD_FRAGMENTED_NAL,
                "seq " + packet.sequenceNumber() + ": NAL unit type " + type);
        }
        return new FuA(start, end, (byte) (indicator & H264Rtp.F_NRI | type));
    }
}
