package dev.freshet.fragments.ts;

import dev.freshet.fragments.media.Frame;

/**
 * Turns one stored frame into the PES payload of its elementary stream, in two steps so the segment
 * can be sized before anything is written. Implementations are immutable and thread-safe.
 */
interface AccessUnitWriter {

    /** Bytes {@link #write} will produce for the frame. */
    int size(Frame frame);

    /** Writes the payload. */
    void write(Frame frame, PesPacketizer out);
}
