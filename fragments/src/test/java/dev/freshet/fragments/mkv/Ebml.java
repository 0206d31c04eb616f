package dev.freshet.fragments.mkv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Hand-built EBML for tests: elements from parts, with known or unknown size. */
final class Ebml {

    private Ebml() {
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("[\\s|]", ""));
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A sized element whose data is the parts one after another. */
    static byte[] el(int id, byte[]... parts) {
        byte[] data = cat(parts);
        EbmlWriter w = new EbmlWriter(data.length + 12);
        w.writeHeader(id, data.length).writeRaw(data, 0, data.length);
        return w.toByteArray();
    }

    /** The header of an element of unknown size (8-octet size), to be followed by its children. */
    static byte[] unknown(int id) {
        return new EbmlWriter(12).startUnknownSizeMaster(id).toByteArray();
    }

    static byte[] uint(int id, long value) {
        return new EbmlWriter(16).writeUnsigned(id, value).toByteArray();
    }

    static byte[] str(int id, String value) {
        return el(id, value.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] ebmlHeader(String docType) {
        return el(MkvIds.EBML, uint(MkvIds.EBML_VERSION, 1), uint(MkvIds.EBML_READ_VERSION, 1),
            str(MkvIds.DOC_TYPE, docType), uint(MkvIds.DOC_TYPE_VERSION, 4), uint(MkvIds.DOC_TYPE_READ_VERSION, 2));
    }

    static byte[] trackEntry(int number, int type, String codecId) {
        return el(MkvIds.TRACK_ENTRY, uint(MkvIds.TRACK_NUMBER, number), uint(MkvIds.TRACK_TYPE, type),
            str(MkvIds.CODEC_ID, codecId));
    }

    /** Tracks with a video track 1 (H.264, 320x240) and an audio track 2 (AAC). */
    static byte[] avTracks() {
        byte[] video = el(MkvIds.TRACK_ENTRY, uint(MkvIds.TRACK_NUMBER, 1), uint(MkvIds.TRACK_TYPE, 1),
            str(MkvIds.CODEC_ID, "V_MPEG4/ISO/AVC"), el(MkvIds.CODEC_PRIVATE, hex("01640015ffe1")),
            uint(MkvIds.DEFAULT_DURATION, 40_000_000),
            el(MkvIds.VIDEO, uint(MkvIds.PIXEL_WIDTH, 320), uint(MkvIds.PIXEL_HEIGHT, 240)));
        byte[] audio = el(MkvIds.TRACK_ENTRY, uint(MkvIds.TRACK_NUMBER, 2), uint(MkvIds.TRACK_TYPE, 2),
            str(MkvIds.CODEC_ID, "A_AAC"), el(MkvIds.CODEC_PRIVATE, hex("1208")), str(MkvIds.NAME, "mic"),
            el(MkvIds.AUDIO, el(MkvIds.SAMPLING_FREQUENCY, hex("40e5888000000000")), uint(MkvIds.CHANNELS, 1)));
        return el(MkvIds.TRACKS, video, audio);
    }

    /** A SimpleBlock without lacing. */
    static byte[] simpleBlock(int track, int relative, boolean key, byte[] frame) {
        return el(MkvIds.SIMPLE_BLOCK, new byte[] {(byte) (0x80 | track), (byte) (relative >> 8), (byte) relative,
            (byte) (key ? 0x80 : 0)}, frame);
    }
}
