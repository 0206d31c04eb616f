package dev.freshet.fragments.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Opus identification header (RFC 7845 section 5.1): the CodecPrivate of Matroska Opus tracks.
 * All fields little-endian (the MP4 {@code dOps} box holds the same fields big-endian, without the
 * magic).
 *
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |      'O'      |      'p'      |      'u'      |      's'      |
 *   |      'H'      |      'e'      |      'a'      |      'd'      |
 *   |  Version = 1  | Channel Count |           Pre-skip            |
 *   |                     Input Sample Rate (Hz)                    |
 *   |   Output Gain (Q7.8 in dB)    | Mapping Family|               :
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+               :
 *   :      Optional Channel Mapping Table (family != 0):            :
 *   :      Stream Count u8 | Coupled Count u8 | Channel Mapping u8 x channels
 * </pre>
 *
 * <p>For mapping family 0 the table is absent and implied: one stream, {@code channels - 1} coupled,
 * empty {@code channelMapping}. Immutable; thread-safe.
 *
 * @param version         the version byte (1; any minor version 0x00..0x0F is accepted)
 * @param channels        output channel count, 1..255
 * @param preSkip         samples (at 48 kHz) to discard from the decoder output at the start
 * @param inputSampleRate the original sample rate, informational only (Opus decodes at 48 kHz)
 * @param outputGain      gain to apply, Q7.8 dB, -32768..32767
 * @param mappingFamily   0 (mono/stereo), 1 (Vorbis order, up to 8), 255 (undefined), ..
 * @param streamCount     Opus streams per packet
 * @param coupledCount    of which stereo
 * @param channelMapping  output channel → decoded channel (255 silent); empty for family 0
 */
public record OpusHead(int version, int channels, int preSkip, long inputSampleRate, int outputGain,
                       int mappingFamily, int streamCount, int coupledCount, List<Integer> channelMapping) {

    private static final byte[] MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);
    private static final int FIXED_SIZE = 19;

    public OpusHead {
        channelMapping = List.copyOf(channelMapping);
    }

    /** A mapping-family-0 header (mono or stereo, as WebRTC sends), version 1, no gain. */
    public static OpusHead ofFamilyZero(int channels, int preSkip, long inputSampleRate) {
        OpusHead head = new OpusHead(1, channels, preSkip, inputSampleRate, 0, 0, 1, channels - 1, List.of());
        return checked(head);
    }

    /** Parses an identification header. */
    public static OpusHead parse(byte[] data) {
        ByteCursor in = new ByteCursor(data, "OpusHead");
        if (!Arrays.equals(in.bytes(MAGIC.length), MAGIC)) {
            throw CodecException.malformed("no OpusHead magic");
        }
        int version = in.u8();
        if (version >> 4 != 0) {
            throw CodecException.unsupported("OpusHead version " + version);
        }
        int channels = in.u8();
        int preSkip = in.u16le();
        long inputSampleRate = in.u32le();
        int outputGain = (short) in.u16le();
        int family = in.u8();
        boolean table = family != 0;
        return checked(new OpusHead(version, channels, preSkip, inputSampleRate, outputGain, family,
            table ? in.u8() : 1, table ? in.u8() : channels - 1, table ? readMapping(in, channels) : List.of()));
    }

    /** Output gain in decibels. */
    public double outputGainDb() {
        return outputGain / 256.0;
    }

    public int encodedSize() {
        return FIXED_SIZE + (mappingFamily == 0 ? 0 : 2 + channels);
    }

    /** Writes the header at the buffer's position (its byte order is left as it was). */
    public void encodeTo(ByteBuffer out) {
        ByteBuffer le = out.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        le.put(MAGIC).put((byte) version).put((byte) channels).putShort((short) preSkip)
            .putInt((int) inputSampleRate).putShort((short) outputGain).put((byte) mappingFamily);
        if (mappingFamily != 0) {
            le.put((byte) streamCount).put((byte) coupledCount);
            channelMapping.forEach(c -> le.put(c.byteValue()));
        }
        out.position(le.position());
    }

    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(encodedSize());
        encodeTo(out);
        return out.array();
    }

    private static List<Integer> readMapping(ByteCursor in, int channels) {
        List<Integer> mapping = new ArrayList<>(channels);
        for (int i = 0; i < channels; i++) {
            mapping.add(in.u8());
        }
        return mapping;
    }

    private static OpusHead checked(OpusHead head) {
        if (head.channels < 1 || head.channels > 255) {
            throw CodecException.malformed("channel count " + head.channels);
        }
        if (head.mappingFamily == 0 && head.channels > 2) {
            throw CodecException.malformed("mapping family 0 with " + head.channels + " channels");
        }
        if (head.preSkip < 0 || head.preSkip > 0xFFFF || head.inputSampleRate < 0 || head.inputSampleRate > 0xFFFFFFFFL
            || head.outputGain < Short.MIN_VALUE || head.outputGain > Short.MAX_VALUE) {
            throw CodecException.malformed("field out of range");
        }
        return head.mappingFamily == 0 ? head : checkedTable(head);
    }

    private static OpusHead checkedTable(OpusHead head) {
        int decoded = head.streamCount + head.coupledCount;
        if (head.streamCount < 1 || head.coupledCount > head.streamCount || decoded > 255) {
            throw CodecException.malformed("stream count " + head.streamCount + ", coupled " + head.coupledCount);
        }
        if (head.channelMapping.size() != head.channels) {
            throw CodecException.malformed("channel mapping of " + head.channelMapping.size() + " entries");
        }
        for (int index : head.channelMapping) {
            if (index != 255 && (index < 0 || index >= decoded)) {
                throw CodecException.malformed("channel mapping index " + index);
            }
        }
        return head;
    }
}
