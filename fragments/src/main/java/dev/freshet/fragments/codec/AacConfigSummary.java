package dev.freshet.fragments.codec;

/**
 * The first fields of an MPEG-4 AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1), enough for a codec
 * string and a track description; {@code AudioSpecificConfig} is the full model.
 *
 * <pre>
 *   audioObjectType u5 [== 31: 32 + audioObjectTypeExt u6]
 *   samplingFrequencyIndex u4 [== 15: samplingFrequency u24]
 *   channelConfiguration u4
 *   [audioObjectType 5 (SBR) or 29 (PS), explicit signalling:
 *    extensionSamplingFrequencyIndex u4 [== 15: extensionSamplingFrequency u24] | audioObjectType (core) ..]
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param objectType the first audioObjectType (2 AAC LC, 5 HE-AAC/SBR, 29 HE-AAC v2/PS, ..), as RFC 6381 names it
 * @param sampleRate output sampling rate in Hz: the SBR extension rate when SBR is signalled explicitly
 * @param channels   output channels from channelConfiguration (PS makes mono stereo); 0 when a program
 *                   config element defines them
 */
public record AacConfigSummary(int objectType, int sampleRate, int channels) {

    private static final int[] SAMPLING_FREQUENCIES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050,
        16000, 12000, 11025, 8000, 7350};
    /** Channels per channelConfiguration (1.6.3.5 Table 1.19, with the 2013 additions 11..14); -1 reserved. */
    private static final int[] CHANNELS = {0, 1, 2, 3, 4, 5, 6, 8, -1, -1, -1, 7, 8, 24, 8, -1};
    private static final int SBR = 5;
    private static final int PS = 29;

    /** Reads the summary from AudioSpecificConfig bytes. */
    public static AacConfigSummary parse(byte[] asc) {
        BitCursor in = new BitCursor(asc, "AudioSpecificConfig");
        int objectType = readObjectType(in);
        int sampleRate = readSamplingFrequency(in);
        int channelConfiguration = in.bits(4);
        int channels = CHANNELS[channelConfiguration];
        if (channels < 0) {
            throw CodecException.malformed("reserved channelConfiguration " + channelConfiguration);
        }
        if (objectType == SBR || objectType == PS) {
            sampleRate = readSamplingFrequency(in);
            channels = objectType == PS && channels == 1 ? 2 : channels;
        }
        return new AacConfigSummary(objectType, sampleRate, channels);
    }

    private static int readObjectType(BitCursor in) {
        int objectType = in.bits(5);
        if (objectType == 31) {
            objectType = 32 + in.bits(6);
        }
        if (objectType == 0) {
            throw CodecException.malformed("audioObjectType 0 (null object)");
        }
        return objectType;
    }

    private static int readSamplingFrequency(BitCursor in) {
        int index = in.bits(4);
        if (index == 15) {
            int frequency = in.bits(24);
            if (frequency == 0) {
                throw CodecException.malformed("samplingFrequency 0");
            }
            return frequency;
        }
        if (index >= SAMPLING_FREQUENCIES.length) {
            throw CodecException.malformed("reserved samplingFrequencyIndex " + index);
        }
        return SAMPLING_FREQUENCIES[index];
    }
}
