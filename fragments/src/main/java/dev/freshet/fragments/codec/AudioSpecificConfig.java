package dev.freshet.fragments.codec;

import java.util.Objects;

/**
 * An AAC {@code AudioSpecificConfig} (ISO/IEC 14496-3 1.6.2.1), what MP4's {@code esds} and
 * Matroska's CodecPrivate hold for AAC, and the ADTS header (14496-3 1.A.2.2) that carries the same
 * facts in front of each frame of an MPEG-TS stream.
 *
 * <pre>
 *  5b  audioObjectType            (31: escape, then 6b audioObjectTypeExt, type = 32 + ext)
 *  4b  samplingFrequencyIndex     (15: escape, then 24b samplingFrequency)
 *  4b  channelConfiguration
 *  if audioObjectType is 5 (SBR) or 29 (PS), explicit hierarchical signalling:
 *    4b  extensionSamplingFrequencyIndex (15: escape, then 24b)
 *    5b  audioObjectType of the core (escape as above)
 *  ... (GASpecificConfig and extensions, not read)
 *
 *  ADTS fixed + variable header, no CRC (7 bytes):
 *  12b syncword 0xFFF | 1b ID=0 (MPEG-4) | 2b layer=0 | 1b protection_absent=1
 *  2b  profile (object type - 1) | 4b sampling_frequency_index | 1b private | 3b channel_configuration
 *  1b original | 1b home | 1b copyright_id_bit | 1b copyright_id_start
 *  13b aac_frame_length (header included) | 11b buffer fullness 0x7FF (VBR) | 2b raw blocks - 1 = 0
 * </pre>
 *
 * <p>For SBR/PS configurations the fields describe the AAC core (object type, sampling index), which
 * is what ADTS signals (implicit SBR). Immutable; thread-safe.
 *
 * @param objectType             audio object type of the core (2 = AAC LC)
 * @param samplingFrequencyIndex index into the 14496-3 table, or 15 when the rate is explicit
 * @param samplingFrequency      the core sampling rate in Hz
 * @param channelConfiguration   0 (defined in the stream) or 1..7
 */
public record AudioSpecificConfig(int objectType, int samplingFrequencyIndex, int samplingFrequency,
                                  int channelConfiguration) {

    /** ADTS header length without CRC. */
    public static final int ADTS_HEADER_LENGTH = 7;

    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
        11025, 8000, 7350};
    private static final int MAX_ADTS_FRAME = (1 << 13) - 1;

    /**
     * Reads the fields above from an AudioSpecificConfig.
     *
     * @throws Malformed when it is truncated or uses a reserved sampling frequency index
     */
    public static AudioSpecificConfig parse(byte[] config) {
        Bits in = new Bits(Objects.requireNonNull(config, "config"));
        int type = objectType(in);
        int index = in.read(4);
        int rate = rate(in, index);
        int channels = in.read(4);
        if (type == 5 || type == 29) {
            rate(in, in.read(4));
            type = objectType(in);
        }
        return new AudioSpecificConfig(type, index, rate, channels);
    }

    /** Frame length in samples: 960 with frameLengthFlag is not read, so AAC's usual 1024. */
    public int samplesPerFrame() {
        return 1024;
    }

    /**
     * The 7-byte ADTS header for a raw access unit of {@code rawLength} bytes.
     *
     * @throws IllegalArgumentException when ADTS cannot describe this stream (object type above 4,
     *                                  an explicit rate outside the table) or the frame is too long
     */
    public byte[] adtsHeader(int rawLength) {
        byte[] header = new byte[ADTS_HEADER_LENGTH];
        writeAdtsHeader(header, 0, rawLength);
        return header;
    }

    /** Writes {@link #adtsHeader(int)} into {@code out} at {@code offset}, allocating nothing. */
    public void writeAdtsHeader(byte[] out, int offset, int rawLength) {
        int length = rawLength + ADTS_HEADER_LENGTH;
        if (objectType < 1 || objectType > 4 || adtsIndex() < 0 || length > MAX_ADTS_FRAME || rawLength < 0) {
            throw new IllegalArgumentException("ADTS cannot carry object type " + objectType + " at "
                + samplingFrequency + " Hz, frame of " + rawLength + " bytes");
        }
        out[offset] = (byte) 0xFF;
        out[offset + 1] = (byte) 0xF1;
        out[offset + 2] = (byte) (((objectType - 1) << 6) | (adtsIndex() << 2) | ((channelConfiguration >> 2) & 1));
        out[offset + 3] = (byte) (((channelConfiguration & 3) << 6) | (length >> 11));
        out[offset + 4] = (byte) (length >> 3);
        out[offset + 5] = (byte) (((length & 7) << 5) | 0x1F);
        out[offset + 6] = (byte) 0xFC;
    }

    private int adtsIndex() {
        if (samplingFrequencyIndex < RATES.length) {
            return samplingFrequencyIndex;
        }
        for (int i = 0; i < RATES.length; i++) {
            if (RATES[i] == samplingFrequency) {
                return i;
            }
        }
        return -1;
    }

    private static int objectType(Bits in) {
        int type = in.read(5);
        return type == 31 ? 32 + in.read(6) : type;
    }

    private static int rate(Bits in, int index) {
        if (index == 15) {
            return in.read(24);
        }
        if (index >= RATES.length) {
            throw new Malformed(Malformed.Reason.SAMPLING_INDEX);
        }
        return RATES[index];
    }

    /** A malformed AudioSpecificConfig; {@link #reason()} says what is wrong. */
    public static final class Malformed extends IllegalArgumentException {
        /** What made the config unreadable. */
        public enum Reason { TRUNCATED, SAMPLING_INDEX }

        private final Reason reason;

        Malformed(Reason reason) {
            super("malformed AudioSpecificConfig: " + reason);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Most-significant-bit-first reader. */
    private static final class Bits {
        private final byte[] bytes;
        private int bit;

        Bits(byte[] bytes) {
            this.bytes = bytes;
        }

        int read(int count) {
            if (bit + count > bytes.length * 8) {
                throw new Malformed(Malformed.Reason.TRUNCATED);
            }
            int value = 0;
            for (int i = 0; i < count; i++, bit++) {
                value = (value << 1) | ((bytes[bit >>> 3] >>> (7 - (bit & 7))) & 1);
            }
            return value;
        }
    }
}
