package dev.freshet.webrtc.rtp;

import dev.freshet.webrtc.MalformedInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A received RTP packet as a zero-copy view over the bytes it arrived in (RFC 3550 section 5.1).
 * {@link #decode} checks every length once, so the accessors never read outside the packet; the
 * header fields are read from the array on each call.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |V=2|P|X|  CC   |M|     PT      |       sequence number         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                           timestamp                           |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |           synchronization source (SSRC) identifier            |
 *  +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
 *  |       contributing source (CSRC) identifiers (CC of them)     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |      defined by profile       |  length (32-bit words)        |  if X (section 5.3.1)
 *  |                        header extension                       |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     payload ...               | padding | cnt |  cnt counts itself, if P
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Immutable as long as nobody writes to the viewed array; thread-safe on that condition.
 */
public final class RtpPacket {

    private static final int FIXED_HEADER = 12;

    private final byte[] buffer;
    private final int offset;
    private final int length;
    private final int extensionProfile;
    private final int extensionOffset;
    private final int extensionLength;
    private final int payloadOffset;
    private final int payloadLength;

    private RtpPacket(byte[] buffer, int offset, int length, int extensionProfile, int extensionOffset,
                      int extensionLength, int payloadOffset, int payloadLength) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.extensionProfile = extensionProfile;
        this.extensionOffset = extensionOffset;
        this.extensionLength = extensionLength;
        this.payloadOffset = payloadOffset;
        this.payloadLength = payloadLength;
    }

    /**
     * Views {@code len} bytes of {@code b} from {@code off} as one RTP packet.
     *
     * @throws MalformedInputException with an {@link RtpMalformed} reason if the bytes are not one
     * @throws IndexOutOfBoundsException if the range is not inside {@code b} (a caller's bug)
     */
    public static RtpPacket decode(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len < FIXED_HEADER) {
            throw malformed(RtpMalformed.TRUNCATED_HEADER, len + " bytes");
        }
        int first = b[off] & 0xFF;
        if (first >> 6 != 2) {
            throw malformed(RtpMalformed.BAD_VERSION, "version " + (first >> 6));
        }
        int pos = off + FIXED_HEADER + 4 * (first & 0x0F);
        if (pos > off + len) {
            throw malformed(RtpMalformed.TRUNCATED_CSRC, (first & 0x0F) + " CSRCs in " + len + " bytes");
        }
        int end = off + len - padding(b, off + len, pos, first);
        if ((first & 0x10) == 0) {
            return new RtpPacket(b, off, len, -1, pos, 0, pos, end - pos);
        }
        if (pos + 4 > end || pos + 4 + 4 * BigEndian.u16(b, pos + 2) > end) {
            throw malformed(RtpMalformed.TRUNCATED_EXTENSION, "extension at " + (pos - off) + " of " + len);
        }
        int profile = BigEndian.u16(b, pos);
        int extLength = 4 * BigEndian.u16(b, pos + 2);
        HeaderExtensions.validate(b, pos + 4, extLength, profile);
        int payload = pos + 4 + extLength;
        return new RtpPacket(b, off, len, profile, pos + 4, extLength, payload, end - payload);
    }

    /** The padding bytes at the end (count byte included), 0 without the P bit. */
    private static int padding(byte[] b, int end, int csrcEnd, int first) {
        if ((first & 0x20) == 0) {
            return 0;
        }
        int count = b[end - 1] & 0xFF;
        // zero is no valid count (it includes itself); padding may not eat into the header
        if (count == 0 || count > end - csrcEnd) {
            throw malformed(RtpMalformed.BAD_PADDING, "padding " + count + " after " + (end - csrcEnd) + " bytes");
        }
        return count;
    }

    private static MalformedInputException malformed(RtpMalformed reason, String detail) {
        return new MalformedInputException(reason, detail);
    }

    public boolean padding() {
        return (buffer[offset] & 0x20) != 0;
    }

    public boolean hasExtension() {
        return extensionProfile >= 0;
    }

    public int csrcCount() {
        return buffer[offset] & 0x0F;
    }

    public boolean marker() {
        return (buffer[offset + 1] & 0x80) != 0;
    }

    public int payloadType() {
        return buffer[offset + 1] & 0x7F;
    }

    public int sequenceNumber() {
        return BigEndian.u16(buffer, offset + 2);
    }

    public long timestamp() {
        return BigEndian.u32(buffer, offset + 4);
    }

    public long ssrc() {
        return BigEndian.u32(buffer, offset + 8);
    }

    /** The {@code index}-th contributing source, {@code 0 <= index < csrcCount()}. */
    public long csrc(int index) {
        Objects.checkIndex(index, csrcCount());
        return BigEndian.u32(buffer, offset + FIXED_HEADER + 4 * index);
    }

    /** The "defined by profile" field of the extension header, -1 without one. */
    public int extensionProfile() {
        return extensionProfile;
    }

    /** The first RFC 8285 element with this id, or null (also for other extension profiles). */
    public HeaderExtension extension(int id) {
        return HeaderExtensions.find(buffer, extensionOffset, extensionLength, extensionProfile, id);
    }

    /** Every RFC 8285 element in wire order (none for other extension profiles). */
    public List<HeaderExtension> extensions() {
        return HeaderExtensions.all(buffer, extensionOffset, extensionLength, extensionProfile);
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    /** The length of the whole packet, padding included. */
    public int length() {
        return length;
    }

    public int payloadOffset() {
        return payloadOffset;
    }

    /** The payload's length without padding. */
    public int payloadLength() {
        return payloadLength;
    }

    /** The padding bytes, count byte included; 0 without the P bit. */
    public int paddingLength() {
        return offset + length - payloadOffset - payloadLength;
    }

    /** The bytes {@link #encodeTo} writes: the packet as it arrived. */
    public int encodedSize() {
        return length;
    }

    /** Copies the packet as it arrived to {@code out} at {@code at}; returns the bytes written. */
    public int encodeTo(byte[] out, int at) {
        System.arraycopy(buffer, offset, out, at, length);
        return length;
    }

    /** A copy with the same header fields, RFC 8285 extensions, payload and padding, for sending on. */
    public OutgoingRtpPacket toOutgoing() {
        List<Long> csrcs = new ArrayList<>(csrcCount());
        for (int i = 0; i < csrcCount(); i++) {
            csrcs.add(csrc(i));
        }
        List<HeaderExtension> copies = new ArrayList<>();
        for (HeaderExtension e : extensions()) {
            copies.add(HeaderExtension.of(e.id(), e.value()));
        }
        byte[] payload = Arrays.copyOfRange(buffer, payloadOffset, payloadOffset + payloadLength);
        return new OutgoingRtpPacket(marker(), payloadType(), sequenceNumber(), timestamp(), ssrc(),
                csrcs, copies, payload, paddingLength());
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType() + ", seq=" + sequenceNumber() + ", ts=" + timestamp()
                + ", ssrc=" + ssrc() + ", marker=" + marker() + ", payload=" + payloadLength + "]";
    }
}
