package dev.freshet.fragments.mp4;

import dev.freshet.fragments.media.Frame;

import java.util.List;

/**
 * {@code mdat} (ISO/IEC 14496-12 8.1.1) of a movie fragment: the frames' bytes, one track after
 * the other, in the order of the {@code traf}s that point into it. Sample data is copied once,
 * straight into the segment buffer. Immutable; thread-safe.
 *
 * <pre>
 *  box header | track 1 samples | track 2 samples | ...
 * </pre>
 */
record MediaDataBox(List<List<Frame>> tracks) implements Box {

    static int payloadSize(List<Frame> frames) {
        int size = 0;
        for (Frame frame : frames) {
            size = Math.addExact(size, frame.data().length);
        }
        return size;
    }

    @Override
    public int size() {
        int size = 8;
        for (List<Frame> frames : tracks) {
            size = Math.addExact(size, payloadSize(frames));
        }
        return size;
    }

    @Override
    public void write(BoxBuffer out) {
        out.header(size(), "mdat");
        for (List<Frame> frames : tracks) {
            for (Frame frame : frames) {
                out.bytes(frame.data());
            }
        }
    }
}
