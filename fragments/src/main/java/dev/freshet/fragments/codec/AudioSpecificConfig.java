package dev.freshet.fragments.codec;

import java.util.Objects;

/**
 * An AAC {@code AudioSpecificConfig} (ISO/IEC 14496-3 1.6.2.1), what MP4's {@code esds} and
 * Matroska's CodecPrivate hold for AAC, and the ADTS header (14496-3 1.A.2.2) that carries the
 * core's facts in front of each frame of an MPEG-TS stream.
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
 * <p>Two views of one config: the signalled {@link #objectType} with the output {@link #sampleRate()}
 * and {@link #channels()} (what RFC 6381 codec strings and track descriptions state), and the AAC
 * core — {@link #coreObjectType}, {@link #samplingFrequency}, {@link #channelConfiguration} — which
 * is what ADTS signals (implicit SBR) and what the MP4 timescale counts. Without SBR/PS the two
 * coincide. Immutable; thread-safe.
 *
 * @param objectType                 the first audioObjectType (2 AAC LC, 5 HE-AAC/SBR, 29 HE-AAC v2/PS, ..)
 * @param coreObjectType             the object type of the AAC core: {@code objectType}, or with explicit
 *                                   SBR/PS signalling the type that follows the extension frequency
 * @param samplingFrequencyIndex     index into the 14496-3 table, or 15 when the rate is explicit
 * @param samplingFrequency          the core sampling rate in Hz
 * @param channelConfiguration       0 (a program config element defines them), 1..7 or 11..14
 * @param extensionSamplingFrequency the SBR output rate in Hz with explicit signalling, otherwise 0
 */
public record AudioSpecificConfig(int objectType, int coreObjectType, int samplingFrequencyIndex,
                                  int samplingFrequency, int channelConfiguration, int extensionSamplingFrequency) {

    /** ADTS header length without CRC. */
    public static final int ADTS_HEADER_LENGTH = 7;

    private static final int[] RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
        11025, 8000, 7350};
    private static final int EXPLICIT_RATE = 15;
    /** Channels per channelConfiguration (1.6.3.5 Table 1.19, with the 2013 additions 11..14); -1 reserved. */
    private static final int[] CHANNELS = {0, 1, 2, 3, 4, 5, 6, 8, -1, -1, -1, 7, 8, 24, 8, -1};
    private static final int SBR = 5;
    private static final int PS = 29;
    private static final int MAX_ADTS_FRAME = (1 << 13) - 1;

    /**
     * Reads the fields above from an AudioSpecificConfig.
     *
     * @throws CodecException {@code TRUNCATED} when it ends early, {@code MALFORMED} for object type 0,
     *                        a zero or reserved sampling frequency or a reserved channel configuration
     */
    public static AudioSpecificConfig parse(byte[] config) {
        BitCursor in = new BitCursor(Objects.requireNonNull(config, "config"), "AudioSpecificConfig");
        int type = readObjectType(in);
        int index = in.bits(4);
        int rate = readSamplingFrequency(in, index);
        int channelConfiguration = in.bits(4);
        if (CHANNELS[channelConfiguration] < 0) {
            throw CodecException.malformed("reserved channelConfiguration " + channelConfiguration);
        }
        if (type != SBR && type != PS) {
            return new AudioSpecificConfig(type, type, index, rate, channelConfiguration, 0);
        }
        int extensionRate = readSamplingFrequency(in, in.bits(4));
        return new AudioSpecificConfig(type, readObjectType(in), index, rate, channelConfiguration, extensionRate);
    }

    /** Output sampling rate in Hz: the SBR extension rate when SBR is signalled explicitly, else the core rate. */
    public int sampleRate() {
        return extensionSamplingFrequency != 0 ? extensionSamplingFrequency : samplingFrequency;
    }

    /**
     * Output channels from the channelConfiguration (PS makes mono stereo); 0 when a program config
     * element defines them.
     */
    public int channels() {
        int channels = CHANNELS[channelConfiguration];
        return objectType == PS && channels == 1 ? 2 : channels;
    }

    /**
     * The 7-byte ADTS header for a raw access unit of {@code rawLength} bytes.
     *
     * @throws CodecException           {@code UNSUPPORTED} when ADTS cannot describe this stream (a core
     *                                  object type above 4, an explicit rate outside the table)
     * @throws IllegalArgumentException when the frame is too long for ADTS
     */
    public byte[] adtsHeader(int rawLength) {
        byte[] header = new byte[ADTS_HEADER_LENGTH];
        writeAdtsHeader(header, 0, rawLength);
        return header;
    }

    /** Writes {@link #adtsHeader(int)} into {@code out} at {@code offset}, allocating nothing. */
    public void writeAdtsHeader(byte[] out, int offset, int rawLength) {
        int index = adtsIndex();
        if (coreObjectType < 1 || coreObjectType > 4 || index < 0 || channelConfiguration > 7) {
            throw CodecException.unsupported("ADTS cannot carry object type " + coreObjectType + " at "
                + samplingFrequency + " Hz, channel configuration " + channelConfiguration);
        }
        int length = rawLength + ADTS_HEADER_LENGTH;
        if (rawLength < 0 || length > MAX_ADTS_FRAME) {
            throw new IllegalArgumentException("ADTS cannot carry a frame of " + rawLength + " bytes");
        }
        out[offset] = (byte) 0xFF;
        out[offset + 1] = (byte) 0xF1;
        out[offset + 2] = (byte) (((coreObjectType - 1) << 6) | (index << 2) | ((channelConfiguration >> 2) & 1));
        out[offset + 3] = (byte) (((channelConfiguration & 3) << 6) | (length >> 11));
        out[offset + 4] = (byte) (length >> 3);
        out[offset + 5] = (byte) (((length & 7) << 5) | 0x1F);
        out[offset + 6] = (byte) 0xFC;
    }

    /** The table index ADTS needs; an explicit rate that happens to be in the table has one too. */
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

    private static int readObjectType(BitCursor in) {
        int type = in.bits(5);
        if (type == 31) {
            type = 32 + in.bits(6);
        }
        if (type == 0) {
            throw CodecException.malformed("audioObjectType 0 (null object)");
        }
        return type;
    }

    private static int readSamplingFrequency(BitCursor in, int index) {
        if (index == EXPLICIT_RATE) {
            int frequency = in.bits(24);
            if (frequency == 0) {
                throw CodecException.malformed("samplingFrequency 0");
            }
            return frequency;
        }
        if (index >= RATES.length) {
            throw CodecException.malformed("reserved samplingFrequencyIndex " + index);
        }
        return RATES[index];
    }
}
