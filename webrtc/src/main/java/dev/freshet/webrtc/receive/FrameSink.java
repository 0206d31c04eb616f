package dev.freshet.webrtc.receive;

import dev.freshet.fragments.media.Frame;

/**
 * Where a receive pipeline's frames go — a fragment assembler, typically. Frames come in decode
 * order, each whole, and a video track's first frame, like its first after a loss, is a keyframe;
 * their timestamps are on the stream's {@link dev.freshet.webrtc.depacketize.RtpClock}.
 *
 * <p>Called on the stream's receive thread; an implementation that blocks stalls the stream.
 */
public interface FrameSink {

    /** The next frame; its data arrived at {@code arrivalMicros} (server epoch clock). */
    void frame(Frame frame, long arrivalMicros);

    /**
     * The video track's CodecPrivate (an avcC) changes from the next frame on: parameter sets came
     * that differ from those before. Given even when the frame that brought them is dropped.
     */
    default void codecPrivate(int track, byte[] avcC) {
    }
}
