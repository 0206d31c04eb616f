package dev.freshet.fragments.mp4;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code dOps} (Encapsulation of Opus in ISO Base Media File Format 4.3.2), made from the track's
 * {@code OpusHead} (RFC 7845 5.1): the same fields, big-endian instead of little-endian, version 0.
 *
 * <pre>
 *  OpusHead: "OpusHead" | u8 version 1 | u8 channels | le16 pre-skip | le32 input rate
 *            | le16 output gain | u8 mapping family | [u8 streams, u8 coupled, u8 mapping[channels]]
 *  dOps:     box header | u8 Version 0 | u8 OutputChannelCount | u16 PreSkip | u32 InputSampleRate
 *            | s16 OutputGain | u8 ChannelMappingFamily | [u8 StreamCount, u8 CoupledCount,
 *            u8 ChannelMapping[OutputChannelCount]]
 * </pre>
 *
 * Immutable; thread-safe.
 */
record OpusSpecificBox(byte[] payload) implements Box {

    private static final byte[] MAGIC = "OpusHead".getBytes(StandardCharsets.US_ASCII);

    /** From an OpusHead; an empty one stands for a plain stereo/mono head without pre-skip. */
    static OpusSpecificBox fromOpusHead(byte[] head, int channels) {
        if (head.length == 0) {
            return new OpusSpecificBox(new byte[] {0, (byte) Math.max(1, channels), 0, 0, 0, 0, (byte) 0xBB, (byte) 0x80,
                0, 0, 0});
        }
        if (head.length < 19 || !Arrays.equals(head, 0, 8, MAGIC, 0, 8)) {
            throw new IllegalArgumentException("Opus CodecPrivate is not an OpusHead");
        }
        byte[] payload = Arrays.copyOfRange(head, 8, head.length);
        payload[0] = 0;
        swap(payload, 2, 2);
        swap(payload, 4, 4);
        swap(payload, 8, 2);
        return new OpusSpecificBox(payload);
    }

    private static void swap(byte[] bytes, int at, int length) {
        for (int i = 0; i < length / 2; i++) {
            byte b = bytes[at + i];
            bytes[at + i] = bytes[at + length - 1 - i];
            bytes[at + length - 1 - i] = b;
        }
    }

    @Override
    public int size() {
        return 8 + payload.length;
    }

    @Override
    public void write(BoxBuffer out) {
        out.header(size(), "dOps");
        out.bytes(payload);
    }
}
