package dev.freshet.webrtc.depacketize;

import dev.freshet.webrtc.MalformedInputException;

/**
 * How long an Opus packet plays, read from its table-of-contents byte and frame count (RFC 6716
 * 3.1-3.2) — the frames themselves are never decoded. Stateless; thread-safe.
 *
 * <pre>
 *    0 1 2 3 4 5 6 7        code 3 frame count byte (3.2.5)
 *   +-+-+-+-+-+-+-+-+       +-+-+-+-+-+-+-+-+
 *   | config  |s| c |       |v|p|     M     |
 *   +-+-+-+-+-+-+-+-+       +-+-+-+-+-+-+-+-+
 *   config 0-11 SILK 10/20/40/60 ms, 12-15 Hybrid 10/20 ms, 16-31 CELT 2.5/5/10/20 ms (Table 2)
 *   c: 0 one frame, 1 two equal frames, 2 two frames (first length in 1-2 bytes), 3 M frames
 * </pre>
 */
public final class OpusToc {

    /** Frame durations of configs 0..31 in microseconds (RFC 6716 Table 2). */
    private static final int[] FRAME_MICROS = new int[32];
    /** A packet may last at most 120 ms (3.2.5). */
    private static final int MAX_PACKET_MICROS = 120_000;

    static {
        int[] silk = {10_000, 20_000, 40_000, 60_000};
        int[] hybrid = {10_000, 20_000};
        int[] celt = {2_500, 5_000, 10_000, 20_000};
        for (int config = 0; config < 32; config++) {
            FRAME_MICROS[config] = config < 12 ? silk[config % 4] : config < 16 ? hybrid[config % 2] : celt[config % 4];
        }
    }

    private OpusToc() {
    }

    /** The duration of one frame of TOC byte {@code toc}'s configuration. */
    public static int frameMicros(int toc) {
        return FRAME_MICROS[(toc & 0xFF) >> 3];
    }

    /** The duration of the whole packet; throws for a packet whose framing the TOC contradicts. */
    public static long packetMicros(RtpPayload packet) {
        if (packet.length() == 0) {
            throw malformed(DepacketizeMalformed.OPUS_EMPTY_PAYLOAD, packet, "no TOC byte");
        }
        int toc = packet.byteAt(0);
        return (long) frameCount(packet, toc) * frameMicros(toc);
    }

    private static int frameCount(RtpPayload packet, int toc) {
        return switch (toc & 0x03) {
            case 0 -> 1;
            case 1 -> {
                if ((packet.length() - 1) % 2 != 0) {
                    throw malformed(DepacketizeMalformed.OPUS_ODD_CODE1_LENGTH, packet, packet.length() + " bytes");
                }
                yield 2;
            }
            case 2 -> {
                checkCode2Length(packet);
                yield 2;
            }
            default -> code3FrameCount(packet, toc);
        };
    }

    /** The first frame's length: one byte below 252, else two (3.2.1); it must fit in the packet. */
    private static void checkCode2Length(RtpPayload packet) {
        if (packet.length() < 2 || packet.byteAt(1) >= 252 && packet.length() < 3) {
            throw malformed(DepacketizeMalformed.OPUS_TRUNCATED_PACKET, packet, "code 2 without its frame length");
        }
        int first = packet.byteAt(1) < 252 ? packet.byteAt(1) : packet.byteAt(1) + 4 * packet.byteAt(2);
        int header = packet.byteAt(1) < 252 ? 2 : 3;
        if (first > packet.length() - header) {
            throw malformed(DepacketizeMalformed.OPUS_TRUNCATED_PACKET, packet, "first frame of " + first + " bytes");
        }
    }

    private static int code3FrameCount(RtpPayload packet, int toc) {
        if (packet.length() < 2) {
            throw malformed(DepacketizeMalformed.OPUS_TRUNCATED_PACKET, packet, "code 3 without its frame count");
        }
        int count = packet.byteAt(1) & 0x3F;
        if (count == 0 || count * frameMicros(toc) > MAX_PACKET_MICROS) {
            throw malformed(DepacketizeMalformed.OPUS_BAD_FRAME_COUNT, packet, count + " frames");
        }
        return count;
    }

    private static MalformedInputException malformed(DepacketizeMalformed reason, RtpPayload packet, String detail) {
        return new MalformedInputException(reason, "Opus seq " + packet.sequenceNumber() + ": " + detail);
    }
}
