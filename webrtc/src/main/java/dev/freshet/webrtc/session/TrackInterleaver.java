package dev.freshet.webrtc.session;

import dev.freshet.fragments.media.Frame;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Puts the frames of several tracks, each already in order, into one presentation-time order, as
 * the fragment assembler wants them: audio and video arrive over separate RTP streams with their
 * own delays, and an audio frame presented before the keyframe that started a fragment would look
 * like time going backwards. Frames wait until they are {@code windowMicros} older than the newest
 * frame seen, or until {@link #flush}. A frame may carry its track's new codec private data, which
 * so reaches the output just before that frame and after every frame that came before it.
 *
 * <p>Not thread-safe.
 */
final class TrackInterleaver {

    /** Receives frames in presentation order. */
    interface Output {
        /** The next frame; {@code codecPrivate} is its track's new decoder configuration, or null. */
        void frame(Frame frame, long arrivalMicros, byte[] codecPrivate);
    }

    private record Held(Frame frame, long arrivalMicros, byte[] codecPrivate, long order) {
    }

    private final long windowMicros;
    private final Output output;
    private final PriorityQueue<Held> held = new PriorityQueue<>(
        Comparator.comparingLong((Held h) -> h.frame().timestampMicros()).thenComparingLong(Held::order));
    private long newestMicros = Long.MIN_VALUE;
    private long releasedMicros = Long.MIN_VALUE;
    private long order;
    private long late;

    TrackInterleaver(long windowMicros, Output output) {
        this.windowMicros = windowMicros;
        this.output = output;
    }

    void add(Frame frame, long arrivalMicros, byte[] codecPrivate) {
        if (frame.timestampMicros() < releasedMicros) {
            // later than the window allowed for: passing it on would take the stream back in time
            late++;
            return;
        }
        held.add(new Held(frame, arrivalMicros, codecPrivate, order++));
        newestMicros = Math.max(newestMicros, frame.timestampMicros());
        releaseUpTo(newestMicros - windowMicros);
    }

    void flush() {
        releaseUpTo(Long.MAX_VALUE);
    }

    /** Frames dropped for arriving after frames presented later had gone. */
    long late() {
        return late;
    }

    private void releaseUpTo(long micros) {
        while (!held.isEmpty() && held.peek().frame().timestampMicros() <= micros) {
            Held next = held.poll();
            releasedMicros = next.frame().timestampMicros();
            output.frame(next.frame(), next.arrivalMicros(), next.codecPrivate());
        }
    }
}
