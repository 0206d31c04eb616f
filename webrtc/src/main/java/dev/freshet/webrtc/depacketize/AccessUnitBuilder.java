package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.H264Nals;
import dev.freshet.fragments.codec.NalUnit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The NAL units of the access unit being received, written straight into AVCC framing (4-byte
 * lengths) so the finished frame is one copy of the buffer. A NAL unit arriving in FU-A fragments is
 * opened, appended to and closed; its length is patched in when it closes.
 *
 * <pre>
 *   | len u32 | NAL unit | len u32 | NAL unit | .. | len u32 (open FU-A NAL, patched on close) | bytes so far
 * </pre>
 *
 * <p>Not thread-safe: owned by one {@link H264Depacketizer}.
 */
final class AccessUnitBuilder {

    private byte[] buffer = new byte[4096];
    private int size;
    private int openNalStart = -1;
    private boolean slice;
    private boolean idr;
    private final List<NalUnit> parameterSets = new ArrayList<>();

    /** Adds a whole NAL unit. */
    void addNal(byte[] source, int offset, int length) {
        openNal(source[offset]);
        appendToNal(source, offset + 1, length - 1);
        closeNal();
    }

    /** Starts a NAL unit whose bytes after {@code header} follow in {@link #appendToNal} calls. */
    void openNal(byte header) {
        ensureRoom(5);
        openNalStart = size;
        size += 4;
        buffer[size++] = header;
    }

    void appendToNal(byte[] source, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(source, offset, buffer, size, length);
        size += length;
    }

    /**
     * Ends the open NAL unit: its length goes in, and what its type says about the access unit is
     * noted. An access unit delimiter is taken out again: frames in storage carry none.
     */
    void closeNal() {
        int nalStart = openNalStart + 4;
        int length = size - nalStart;
        for (int i = 0; i < 4; i++) {
            buffer[openNalStart + i] = (byte) (length >>> (24 - 8 * i));
        }
        openNalStart = -1;
        int type = buffer[nalStart] & 0x1F;
        if (type == H264Nals.ACCESS_UNIT_DELIMITER) {
            size = nalStart - 4;
            return;
        }
        slice |= type >= H264Nals.NON_IDR_SLICE && type <= H264Nals.IDR_SLICE;
        idr |= type == H264Nals.IDR_SLICE;
        if (type == H264Nals.SPS || type == H264Nals.PPS) {
            parameterSets.add(NalUnit.of(Arrays.copyOfRange(buffer, nalStart, size)));
        }
    }

    /** Forgets a NAL unit whose last fragment will not come. */
    void abandonOpenNal() {
        if (openNalStart >= 0) {
            size = openNalStart;
            openNalStart = -1;
        }
    }

    boolean hasOpenNal() {
        return openNalStart >= 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Whether a picture is in it; without one the units wait for the next access unit. */
    boolean hasSlice() {
        return slice;
    }

    boolean hasIdr() {
        return idr;
    }

    /** The SPS and PPS units closed since the last call, in arrival order. */
    List<NalUnit> takeParameterSets() {
        List<NalUnit> taken = List.copyOf(parameterSets);
        parameterSets.clear();
        return taken;
    }

    int size() {
        return size;
    }

    /** The AVCC bytes; only meaningful with no NAL unit open. */
    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    void clear() {
        size = 0;
        openNalStart = -1;
        slice = false;
        idr = false;
        parameterSets.clear();
    }

    private void ensureRoom(int more) {
        if (buffer.length - size < more) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
