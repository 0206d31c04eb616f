package dev.freshet.fragments.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An H.264 {@code AVCDecoderConfigurationRecord} ("avcC", ISO/IEC 14496-15 5.3.3.1): what MP4's
 * {@code avcC} box and Matroska's CodecPrivate hold for H.264.
 *
 * <pre>
 *  u8  configurationVersion = 1
 *  u8  AVCProfileIndication        (profile_idc of the SPS)
 *  u8  profile_compatibility       (the constraint flags byte of the SPS)
 *  u8  AVCLevelIndication          (level_idc)
 *  6b  reserved '111111'  2b lengthSizeMinusOne
 *  3b  reserved '111'     5b numOfSequenceParameterSets
 *      { u16 length, SPS NAL unit bytes } * numOfSequenceParameterSets
 *  u8  numOfPictureParameterSets
 *      { u16 length, PPS NAL unit bytes } * numOfPictureParameterSets
 *  [high-profile extension: chroma format, bit depths, SPS extensions — kept by {@link #parse}
 *   callers that pass the original bytes through; {@link #toBytes} does not write it]
 * </pre>
 *
 * <p>Immutable (the parameter set arrays are not copied: do not modify them); thread-safe.
 *
 * @param profileIdc           AVCProfileIndication
 * @param profileCompatibility the constraint-set flags byte
 * @param levelIdc             AVCLevelIndication
 * @param nalLengthSize        bytes of each NAL unit's length prefix in samples: 1, 2 or 4
 * @param sps                  sequence parameter set NAL units (with their NAL header byte)
 * @param pps                  picture parameter set NAL units (with their NAL header byte)
 */
public record AvcDecoderConfig(int profileIdc, int profileCompatibility, int levelIdc, int nalLengthSize,
                               List<byte[]> sps, List<byte[]> pps) {

    public AvcDecoderConfig {
        sps = List.copyOf(Objects.requireNonNull(sps, "sps"));
        pps = List.copyOf(Objects.requireNonNull(pps, "pps"));
        if (nalLengthSize != 1 && nalLengthSize != 2 && nalLengthSize != 4) {
            throw new IllegalArgumentException("NAL length size must be 1, 2 or 4: " + nalLengthSize);
        }
        if (sps.size() > 31 || pps.size() > 255) {
            throw new IllegalArgumentException("too many parameter sets: " + sps.size() + " SPS, " + pps.size() + " PPS");
        }
    }

    /** A record for the given parameter sets, taking profile, compatibility and level from the first SPS. */
    public static AvcDecoderConfig of(List<byte[]> sps, List<byte[]> pps, int nalLengthSize) {
        if (sps.isEmpty() || sps.get(0).length < 4) {
            throw new IllegalArgumentException("an SPS of at least 4 bytes is needed");
        }
        byte[] first = sps.get(0);
        return new AvcDecoderConfig(first[1] & 0xFF, first[2] & 0xFF, first[3] & 0xFF, nalLengthSize, sps, pps);
    }

    /**
     * Reads an avcC record; bytes after the PPS list (the high-profile extension) are ignored.
     *
     * @throws Malformed when the record is truncated or its version is not 1
     */
    public static AvcDecoderConfig parse(byte[] avcC) {
        Reader in = new Reader(avcC);
        if (in.u8() != 1) {
            throw new Malformed(Malformed.Reason.VERSION);
        }
        int profile = in.u8();
        int compatibility = in.u8();
        int level = in.u8();
        int lengthSize = (in.u8() & 0x3) + 1;
        if (lengthSize == 3) {
            throw new Malformed(Malformed.Reason.LENGTH_SIZE);
        }
        List<byte[]> sps = in.parameterSets(in.u8() & 0x1F);
        List<byte[]> pps = in.parameterSets(in.u8());
        return new AvcDecoderConfig(profile, compatibility, level, lengthSize, sps, pps);
    }

    /** The record's bytes (version 1, without the high-profile extension). */
    public byte[] toBytes() {
        int size = 7 + sps.stream().mapToInt(s -> 2 + s.length).sum() + pps.stream().mapToInt(p -> 2 + p.length).sum();
        byte[] out = new byte[size];
        out[0] = 1;
        out[1] = (byte) profileIdc;
        out[2] = (byte) profileCompatibility;
        out[3] = (byte) levelIdc;
        out[4] = (byte) (0xFC | (nalLengthSize - 1));
        out[5] = (byte) (0xE0 | sps.size());
        int at = writeSets(out, 6, sps);
        out[at] = (byte) pps.size();
        writeSets(out, at + 1, pps);
        return out;
    }

    private static int writeSets(byte[] out, int at, List<byte[]> sets) {
        for (byte[] set : sets) {
            out[at] = (byte) (set.length >>> 8);
            out[at + 1] = (byte) set.length;
            System.arraycopy(set, 0, out, at + 2, set.length);
            at += 2 + set.length;
        }
        return at;
    }

    /** A malformed avcC record; {@link #reason()} says what is wrong. */
    public static final class Malformed extends IllegalArgumentException {
        /** What made the record unreadable. */
        public enum Reason { VERSION, LENGTH_SIZE, TRUNCATED }

        private final Reason reason;

        Malformed(Reason reason) {
            super("malformed avcC: " + reason);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int at;

        Reader(byte[] bytes) {
            this.bytes = Objects.requireNonNull(bytes, "avcC");
        }

        int u8() {
            need(1);
            return bytes[at++] & 0xFF;
        }

        List<byte[]> parameterSets(int count) {
            List<byte[]> sets = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int length = (u8() << 8) | u8();
                need(length);
                sets.add(java.util.Arrays.copyOfRange(bytes, at, at + length));
                at += length;
            }
            return sets;
        }

        private void need(int n) {
            if (at + n > bytes.length) {
                throw new Malformed(Malformed.Reason.TRUNCATED);
            }
        }
    }
}
