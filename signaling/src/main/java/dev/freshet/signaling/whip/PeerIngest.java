package dev.freshet.signaling.whip;

import dev.freshet.fragments.codec.CodecException;
import dev.freshet.fragments.codec.H264ParameterSets;
import dev.freshet.fragments.codec.H264Sps;
import dev.freshet.fragments.codec.OpusHead;
import dev.freshet.fragments.ingest.FrameIngest;
import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.webrtc.session.IncomingPeer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A publisher's frames into {@link FrameIngest}: the tracks are declared when the video's first
 * avcC arrives (its SPS gives width and height; an audio-only publisher's track at once), and again
 * when the parameter sets change. Frames before the tracks are known (audio ahead of the first
 * keyframe) are dropped and counted: a fragment cannot start without its track list.
 *
 * <p>Thread-safe: one lock, so the reader thread, the tick timer and {@link #finish} take turns at
 * the ingest, which is not thread-safe itself.
 */
final class PeerIngest implements IncomingPeer.Output {

    /** WebRTC Opus is 48 kHz stereo on the wire (RFC 7587 section 7), whatever the microphone. */
    private static final int OPUS_RATE = 48_000;
    private static final int OPUS_CHANNELS = 2;

    private final FrameIngest ingest;
    private final Track audio;
    private final LongAdder stored = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private Track video;
    private long lastKeyframeMicros = -1;
    private volatile long keyframeIntervalMicros;
    private boolean declared;
    private boolean finished;

    /**
     * @param audioTrack the audio track number, 0 without audio
     * @param withVideo  whether a video track will name itself with an avcC
     */
    PeerIngest(FrameIngest ingest, int audioTrack, boolean withVideo) {
        this.ingest = ingest;
        // a stream joined mid-flow has no encoder start whose samples to skip
        this.audio = audioTrack == 0 ? null : Track.audio(audioTrack, Codec.OPUS,
            OpusHead.ofFamilyZero(OPUS_CHANNELS, 0, OPUS_RATE).toBytes(), OPUS_RATE, OPUS_CHANNELS);
        if (!withVideo && audio != null) {
            declare();
        }
    }

    @Override
    public synchronized void codecPrivate(int track, byte[] avcC) {
        if (finished || video != null && Arrays.equals(video.codecPrivate(), avcC)) {
            return;
        }
        H264Sps sps;
        try {
            sps = H264ParameterSets.fromAvcC(avcC).firstSps();
        } catch (CodecException e) {
            dropped.increment();
            return;
        }
        video = Track.video(track, Codec.H264, avcC, sps.width(), sps.height());
        declare();
    }

    @Override
    public synchronized void frame(Frame frame, long arrivalMicros) {
        if (!declared || finished) {
            dropped.increment();
            return;
        }
        ingest.add(frame, arrivalMicros / 1000);
        stored.increment();
        if (frame.keyframe() && video != null && frame.track() == video.number()) {
            if (lastKeyframeMicros >= 0 && frame.timestampMicros() > lastKeyframeMicros) {
                keyframeIntervalMicros = frame.timestampMicros() - lastKeyframeMicros;
            }
            lastKeyframeMicros = frame.timestampMicros();
        }
    }

    /** The time between the last two video keyframes handed on, 0 before there were two. */
    long keyframeIntervalMicros() {
        return keyframeIntervalMicros;
    }

    /** The publisher left: the fragment in progress is complete; later frames are dropped. */
    synchronized void finish() {
        if (!finished) {
            finished = true;
            if (declared) {
                ingest.finish();
            }
        }
    }

    boolean failed() {
        return ingest.failed();
    }

    /** Frames handed to the ingest. */
    long stored() {
        return stored.sum();
    }

    /** Frames that came before the tracks were known, after the end, or with a broken SPS. */
    long dropped() {
        return dropped.sum();
    }

    private void declare() {
        List<Track> tracks = new ArrayList<>(2);
        if (video != null) {
            tracks.add(video);
        }
        if (audio != null) {
            tracks.add(audio);
        }
        ingest.tracks(tracks);
        declared = true;
    }
}
