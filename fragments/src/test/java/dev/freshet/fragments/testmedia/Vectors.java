package dev.freshet.fragments.testmedia;

import java.util.HexFormat;

/**
 * Configuration records ffmpeg 5.1 wrote (libx264, libx265, its AAC encoder, libopus), dumped with
 * {@code ffprobe -show_streams -show_data}; the comments hold what ffprobe reported for each.
 */
public final class Vectors {

    /** testsrc2 320x240 -profile:v baseline -level 3.0: Constrained Baseline, level 30, 320x240, 25 fps. */
    public static final byte[] AVCC_BASELINE = hex("0142c01effe100186742c01ed90141fb011000000300100000030320f162e480"
        + "01000568cb83cb20");
    /** 318x178 -profile:v main -bf 2: Main, level 12, 318x178 (coded 320x192, cropped), 25 fps. */
    public static final byte[] AVCC_MAIN = hex("014d400cffe10018674d400ceca0a0cf511808800000030080000019078a14cb"
        + "01000568ebe3cb20");
    /** 1280x720 -profile:v high: High, level 31, 1280x720, 30 fps; avcC with the high-profile extension. */
    public static final byte[] AVCC_HIGH = hex("0164001fffe1001a6764001facd9405005bb0110000003001000000303c0f183"
        + "196001000668ebe3cb22c0fdf8f800");
    /** 176x144 yuv444p: High 4:4:4 Predictive (244), level 11, 4:4:4. */
    public static final byte[] AVCC_HIGH444 = hex("01f4000bffe1001967f4000b919b28589d8088000003000800000301e078a14c"
        + "b001000668ebe3c44844fff8f800");
    /** 176x144 yuv420p10le: High 10 (110), level 11, 10 bits. */
    public static final byte[] AVCC_HIGH10 = hex("016e000bffe10019676e000ba6cd942c4ec044000003000400000300f03c50a6"
        + "5801000668ebe3cb22c0fdfafa00");
    /** 720x576 interlaced (+ildct+ilme): High, level 30, 720x576, field_order tt. */
    public static final byte[] AVCC_INTERLACED = hex("0164001effe100186764001eacd940b424d8088000000300800000190f8a14cb"
        + "01000668fba3cb22c0fdf8f800");
    /** 1920x1080 at 30000/1001, -preset ultrafast: Constrained Baseline, level 40, coded 1920x1088 cropped. */
    public static final byte[] AVCC_FHD = hex("0142c028ffe100176742c028da01e0089f97011000003e90000ea600f1832a01"
        + "000468ce0fc8");

    /** 636x358 libx265 (info=0): Main, level 63, 636x358, coded 640x360, 30 fps. */
    public static final byte[] HVCC_MAIN = hex("0101600000009000000000003ff000fcfdf8f800000f03a00001001840010c01"
        + "ffff01600000030090000003000003003f959809a10001002b42010101600000"
        + "030090000003000003003fa005020169dd65959a4932bc05a020000003002000"
        + "000303c1a2000100074401c172b46240");
    /** 640x360 yuv420p10le libx265 (info=0): Main 10, level 63, 640x360. */
    public static final byte[] HVCC_MAIN10 = hex("0102200000009000000000003ff000fcfdfafa00000f03a00001001840010c01"
        + "ffff02200000030090000003000003003f959809a10001002b42010102200000"
        + "030090000003000003003fa005020169365959a4932bc05a0200000300020000"
        + "03003210a2000100074401c172b46240");

    /** AAC LC, 48 kHz, 2 channels (ffmpeg's aac, ffprobe profile LC); ends in an SBR-absent sync extension. */
    public static final byte[] ASC_LC_48K_STEREO = hex("119056e500");
    /** AAC LC, 44.1 kHz, mono. */
    public static final byte[] ASC_LC_44K_MONO = hex("120856e500");

    /** libopus stereo in Matroska: 2 channels, pre-skip 312, 48000 Hz, family 0. */
    public static final byte[] OPUS_HEAD_STEREO = hex("4f707573486561640102380180bb0000000000");
    /** libopus 5.1 in Matroska: 6 channels, family 1, 4 streams, 2 coupled, mapping 0 4 1 2 3 5. */
    public static final byte[] OPUS_HEAD_51 = hex("4f707573486561640106380180bb00000000010402000401020305");

    private Vectors() {
    }

    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
