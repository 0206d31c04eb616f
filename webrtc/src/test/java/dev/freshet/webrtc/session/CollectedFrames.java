package dev.freshet.webrtc.session;

import dev.freshet.fragments.media.Frame;

import java.util.ArrayList;
import java.util.List;

/** What an {@link IncomingPeer} hands on, for tests: its frames in order; codec private data is ignored. */
final class CollectedFrames implements IncomingPeer.Output {

    final List<Frame> frames = new ArrayList<>();

    @Override
    public void codecPrivate(int track, byte[] avcC) {
    }

    @Override
    public void frame(Frame frame, long arrivalMicros) {
        frames.add(frame);
    }
}
