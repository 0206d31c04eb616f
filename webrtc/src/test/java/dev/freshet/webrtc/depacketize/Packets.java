package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.LengthPrefixed;
import dev.freshet.fragments.codec.NalUnit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** H.264 RTP payloads built by hand as RFC 6184 draws them, and a real baseline SPS/PPS (x264, 160x120). */
final class Packets {

    static final byte[] SPS = hex("6742c00ad902847e5c0440000003004000000503c48992");
    static final byte[] PPS = hex("68cb83cb20");
    static final byte[] AUD = hex("09f0");
    static final byte[] SEI = hex("0605112233445566");

    private Packets() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** An IDR slice ({@code first_mb_in_slice} 0: the first bit after the header is 1) of {@code size} bytes. */
    static byte[] idr(int size) {
        return slice(0x65, size);
    }

    /** A non-IDR slice starting a picture, {@code size} bytes. */
    static byte[] nonIdr(int size) {
        return slice(0x41, size);
    }

    static byte[] slice(int header, int size) {
        byte[] nal = new byte[size];
        nal[0] = (byte) header;
        for (int i = 1; i < size; i++) {
            nal[i] = (byte) (i * 7 + 0x80);
        }
        if (size > 1) {
            nal[1] = (byte) 0x88;
        }
        return nal;
    }

    static byte[] stapA(byte[]... nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x78);
        for (byte[] nal : nals) {
            out.write(nal.length >> 8);
            out.write(nal.length);
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }

    /** The FU-A payloads of {@code nal}, cut into {@code parts} fragments. */
    static List<byte[]> fuA(byte[] nal, int parts) {
        List<byte[]> out = new ArrayList<>();
        int body = nal.length - 1;
        for (int part = 0; part < parts; part++) {
            int from = 1 + body * part / parts;
            int to = 1 + body * (part + 1) / parts;
            byte[] payload = new byte[2 + to - from];
            payload[0] = (byte) (nal[0] & 0xE0 | 28);
            payload[1] = (byte) ((part == 0 ? 0x80 : 0) | (part == parts - 1 ? 0x40 : 0) | nal[0] & 0x1F);
            System.arraycopy(nal, from, payload, 2, to - from);
            out.add(payload);
        }
        return out;
    }

    /** AVCC (4-byte lengths) of the NAL units. */
    static byte[] avcc(byte[]... nals) {
        return LengthPrefixed.join(Arrays.stream(nals).map(NalUnit::of).toList(), 4);
    }

    static RtpPayload packet(int seq, long timestamp, boolean marker, byte[] payload) {
        return RtpPayload.of(seq & 0xFFFF, timestamp, marker, payload);
    }
}
