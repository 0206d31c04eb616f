package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.NalUnit;

import java.util.List;

/**
 * Cuts one NAL unit too large for a packet into FU-A payloads (RFC 6184 5.8): the NAL header is not
 * sent as such but split into the FU indicator (F, NRI, type 28) and FU header (S, E, type); the
 * bytes after it are shared out in near-equal parts, so no packet is a runt. Stateless; thread-safe.
 *
 * <pre>
 *   NAL: | hdr | b1 .. bn |   ->   | F NRI 28 | S 0 type | part 1 | .. | F NRI 28 | 0 E type | part k |
 * </pre>
 */
final class FuAFragments {

    private FuAFragments() {
    }

    /** Adds the FU-A payloads of {@code nal} (more than {@code mtu} bytes) to {@code out}. */
    static void cut(NalUnit nal, int mtu, List<byte[]> out) {
        int header = nal.byteAt(0);
        int indicator = header & H264Rtp.F_NRI | H264Rtp.FU_A;
        int body = nal.length() - 1;
        int room = mtu - H264Rtp.FU_HEADER_BYTES;
        int parts = (body + room - 1) / room;
        byte[] bytes = nal.toByteArray();
        int at = 1;
        for (int part = 0; part < parts; part++) {
            int size = (body - (at - 1) + (parts - part) - 1) / (parts - part);
            byte[] payload = new byte[H264Rtp.FU_HEADER_BYTES + size];
            payload[0] = (byte) indicator;
            payload[1] = (byte) ((part == 0 ? H264Rtp.FU_START : 0) | (part == parts - 1 ? H264Rtp.FU_END : 0)
                | header & H264Rtp.TYPE);
            System.arraycopy(bytes, at, payload, H264Rtp.FU_HEADER_BYTES, size);
            out.add(payload);
            at += size;
        }
    }
}
