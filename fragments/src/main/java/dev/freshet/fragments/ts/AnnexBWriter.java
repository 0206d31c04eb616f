package dev.freshet.fragments.ts;

import dev.freshet.fragments.codec.H264Nals;
import dev.freshet.fragments.codec.H264ParameterSets;
import dev.freshet.fragments.codec.H265Nals;
import dev.freshet.fragments.codec.HevcDecoderConfig;
import dev.freshet.fragments.codec.NalUnit;
import dev.freshet.fragments.media.Frame;

import java.util.List;

/**
 * H.264 / H.265 in MPEG-TS: converts a stored access unit (length-prefixed NAL units, as in MP4
 * samples) into the byte-stream format (ITU-T H.264 Annex B / H.265 Annex B) that PES payloads
 * carry.
 *
 * <pre>
 *  00 00 00 01 AUD                     (H.264: 09 F0; H.265: 46 01 50 — any slice type)
 *  [00 00 00 01 VPS] 00 00 00 01 SPS 00 00 00 01 PPS   (keyframes only, from avcC / hvcC)
 *  00 00 00 01 NAL ...                 (the frame's NAL units; its own AUDs are dropped)
 * </pre>
 *
 * The parameter sets before every keyframe let a player start at any segment. Immutable;
 * thread-safe.
 */
final class AnnexBWriter implements AccessUnitWriter {

    private static final byte[] START_CODE = {0, 0, 0, 1};
    private static final byte[] H264_AUD = {0, 0, 0, 1, 0x09, (byte) 0xF0};
    private static final byte[] H265_AUD = {0, 0, 0, 1, 0x46, 0x01, 0x50};

    private final boolean hevc;
    private final int nalLengthSize;
    private final byte[] delimiter;
    private final List<byte[]> parameterSets;
    private final int parameterSetsSize;

    private AnnexBWriter(boolean hevc, int nalLengthSize, List<byte[]> parameterSets) {
        this.hevc = hevc;
        this.nalLengthSize = nalLengthSize;
        this.delimiter = hevc ? H265_AUD : H264_AUD;
        this.parameterSets = List.copyOf(parameterSets);
        this.parameterSetsSize = parameterSets.stream().mapToInt(p -> START_CODE.length + p.length).sum();
    }

    /** From an avcC; an empty one means 4-byte lengths and in-band parameter sets. */
    static AnnexBWriter h264(byte[] avcC) {
        if (avcC.length == 0) {
            return new AnnexBWriter(false, 4, List.of());
        }
        return new AnnexBWriter(false, H264ParameterSets.nalLengthSize(avcC), bytes(H264ParameterSets.fromAvcC(avcC).all()));
    }

    /** From an hvcC; an empty one means 4-byte lengths and in-band parameter sets. */
    static AnnexBWriter h265(byte[] hvcC) {
        if (hvcC.length == 0) {
            return new AnnexBWriter(true, 4, List.of());
        }
        HevcDecoderConfig config = HevcDecoderConfig.parse(hvcC);
        return new AnnexBWriter(true, config.nalLengthSize(), bytes(config.parameterSets()));
    }

    private static List<byte[]> bytes(List<NalUnit> units) {
        return units.stream().map(NalUnit::toByteArray).toList();
    }

    @Override
    public int size(Frame frame) {
        int size = delimiter.length + (frame.keyframe() ? parameterSetsSize : 0);
        byte[] data = frame.data();
        for (int at = 0; at < data.length; ) {
            int length = nalLength(data, at);
            if (!isDelimiter(data[at + nalLengthSize])) {
                size += START_CODE.length + length;
            }
            at += nalLengthSize + length;
        }
        return size;
    }

    @Override
    public void write(Frame frame, PesPacketizer out) {
        out.write(delimiter, 0, delimiter.length);
        if (frame.keyframe()) {
            for (byte[] set : parameterSets) {
                out.write(START_CODE, 0, START_CODE.length);
                out.write(set, 0, set.length);
            }
        }
        byte[] data = frame.data();
        for (int at = 0; at < data.length; ) {
            int length = nalLength(data, at);
            if (!isDelimiter(data[at + nalLengthSize])) {
                out.write(START_CODE, 0, START_CODE.length);
                out.write(data, at + nalLengthSize, length);
            }
            at += nalLengthSize + length;
        }
    }

    private int nalLength(byte[] data, int at) {
        if (at + nalLengthSize >= data.length) {
            throw new IllegalArgumentException("truncated NAL length prefix at " + at);
        }
        int length = 0;
        for (int i = 0; i < nalLengthSize; i++) {
            length = (length << 8) | (data[at + i] & 0xFF);
        }
        if (length == 0 || length > data.length - at - nalLengthSize) {
            throw new IllegalArgumentException("NAL unit length " + length + " at " + at + " exceeds the frame");
        }
        return length;
    }

    private boolean isDelimiter(byte header) {
        return hevc ? ((header >> 1) & 0x3F) == H265Nals.ACCESS_UNIT_DELIMITER
            : (header & 0x1F) == H264Nals.ACCESS_UNIT_DELIMITER;
    }
}
