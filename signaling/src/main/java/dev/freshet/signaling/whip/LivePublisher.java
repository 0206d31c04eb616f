package dev.freshet.signaling.whip;

import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.rtcp.SenderReport;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.sdp.CodecChoice;
import dev.freshet.webrtc.sdp.MediaKind;
import dev.freshet.webrtc.sdp.NegotiatedMedia;
import dev.freshet.webrtc.transport.SecureTransport;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A WHIP publisher's decrypted RTP, offered to the viewers of its stream (WHEP) as it arrives: the
 * tap sits between the publisher's {@link SecureTransport} and its {@link dev.freshet.webrtc.session.IncomingPeer},
 * so ingest sees every packet first and viewers never slow it (each copies what it needs and
 * queues it). Only the media payload types are offered; RTX and padding-only packets are not.
 * Keyframe requests reach the publisher as PLI on its feedback path, at most one per
 * {@link #KEYFRAME_INTERVAL_MILLIS}. The last {@link #HISTORY} video packets are kept to answer
 * viewers' NACKs. Its RTCP sender reports go to the viewers too, so they can sync audio with video.
 *
 * <p>Thread-safe: packets come on the publisher's reader thread; viewers join, leave and ask for
 * keyframes or history from others.
 */
public final class LivePublisher {

    /** A viewer of the stream; called on the publisher's reader thread, so it must not block. */
    public interface Viewer {
        /** One media packet of {@code kind}; the view is valid only during the call. */
        void rtp(MediaKind kind, RtpPacket packet);

        /** The publisher is gone; nothing more will come. */
        void publisherEnded();

        /**
         * The publisher's sender report for its {@code kind} stream: wall clock {@code ntpTimestamp}
         * (NTP format) is RTP time {@code rtpTimestamp}, which is the forwarded packets' time too.
         */
        default void senderReport(MediaKind kind, long ntpTimestamp, long rtpTimestamp) {
        }
    }

    /** Browsers answer PLI within a frame or two; more often only makes the publisher send keyframes back to back. */
    static final long KEYFRAME_INTERVAL_MILLIS = 500;
    /** About a second of 2 Mbit/s video: enough for the retransmissions a viewer's NACK can still use. */
    static final int HISTORY = 1024;

    private final String stream;
    private final int videoPayloadType;
    private final int audioPayloadType;
    private final Map<MediaKind, CodecChoice> codecs = new EnumMap<>(MediaKind.class);
    private final long feedbackSsrc;
    private final LongSupplier clockMillis;
    private final List<Viewer> viewers = new CopyOnWriteArrayList<>();
    private final byte[][] history = new byte[HISTORY][];
    private volatile SecureTransport feedback;
    private volatile long videoSsrc;
    private volatile long audioSsrc = -1;
    /** A request that came before the video's SSRC or the transport were known, sent when they are. */
    private volatile boolean keyframePending;
    private long lastKeyframeRequest = Long.MIN_VALUE / 2;
    private final AtomicLong plisSent = new AtomicLong();
    private boolean ended;

    LivePublisher(String stream, List<NegotiatedMedia> media, long feedbackSsrc, LongSupplier clockMillis) {
        this.stream = stream;
        this.videoPayloadType = payloadType(media, MediaKind.VIDEO);
        this.audioPayloadType = payloadType(media, MediaKind.AUDIO);
        media.forEach(m -> codecs.putIfAbsent(m.kind(), m.codec()));
        this.videoSsrc = media.stream().filter(m -> m.kind() == MediaKind.VIDEO).mapToLong(NegotiatedMedia::remoteSsrc)
            .findFirst().orElse(-1);
        this.feedbackSsrc = feedbackSsrc;
        this.clockMillis = clockMillis;
    }

    public String stream() {
        return stream;
    }

    /** Whether the publisher sends {@code kind}. */
    public boolean sends(MediaKind kind) {
        return (kind == MediaKind.VIDEO ? videoPayloadType : audioPayloadType) >= 0;
    }

    /**
     * The codec of each medium the publisher sends, as negotiated with it: a viewer Freshet offers to
     * is offered exactly these payload types, so packets are forwarded with theirs.
     */
    public Map<MediaKind, CodecChoice> codecs() {
        return Map.copyOf(codecs);
    }

    /**
     * Adds a viewer and asks for a keyframe, so it can start decoding; false when the publisher
     * has ended already.
     */
    public boolean add(Viewer viewer) {
        synchronized (this) {
            if (ended) {
                return false;
            }
            viewers.add(viewer);
        }
        requestKeyframe();
        return true;
    }

    public void remove(Viewer viewer) {
        viewers.remove(viewer);
    }

    /** Asks the publisher for a keyframe (PLI), unless one was asked for within the interval. */
    public void requestKeyframe() {
        SecureTransport out = feedback;
        long ssrc = videoSsrc;
        synchronized (this) {
            long now = clockMillis.getAsLong();
            if (out == null || ssrc < 0) {
                keyframePending = true;
                return;
            }
            if (now - lastKeyframeRequest < KEYFRAME_INTERVAL_MILLIS) {
                return;
            }
            keyframePending = false;
            lastKeyframeRequest = now;
        }
        byte[] pli = new PictureLossIndication(feedbackSsrc, ssrc).encode();
        try {
            if (out.sendRtcp(pli, 0, pli.length)) {
                plisSent.incrementAndGet();
            }
        } catch (IOException e) {
            // the next viewer's or the browser's own request will try again
        }
    }

    /** PLIs sent to the publisher for its viewers. */
    long plisSent() {
        return plisSent.get();
    }

    /** A copy of the video packet with {@code sequenceNumber} still in the history, or null. */
    public RtpPacket history(int sequenceNumber) {
        byte[] packet;
        synchronized (history) {
            packet = history[sequenceNumber % HISTORY];
        }
        if (packet == null) {
            return null;
        }
        RtpPacket kept = RtpPacket.decode(packet, 0, packet.length);
        return kept.sequenceNumber() == sequenceNumber ? kept : null;
    }

    /** {@code inner} (the ingest's receiver) with this publisher's tap after it. */
    SecureTransport.Receiver tapping(SecureTransport.Receiver inner) {
        return new SecureTransport.Receiver() {
            @Override
            public void rtp(byte[] packet, int offset, int length) {
                inner.rtp(packet, offset, length);
                forward(packet, offset, length);
            }

            @Override
            public void rtcp(byte[] packet, int offset, int length) {
                inner.rtcp(packet, offset, length);
                senderReports(packet, offset, length);
            }
        };
    }

    /** The publisher's transport, where keyframe requests go. */
    void attach(SecureTransport transport) {
        feedback = transport;
    }

    /** The publisher left: every viewer hears of it once. */
    void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        for (Viewer viewer : viewers) {
            viewer.publisherEnded();
        }
        viewers.clear();
    }

    private void forward(byte[] data, int offset, int length) {
        RtpPacket packet;
        try {
            packet = RtpPacket.decode(data, offset, length);
        } catch (MalformedInputException e) {
            return;
        }
        MediaKind kind = packet.payloadType() == videoPayloadType ? MediaKind.VIDEO
            : packet.payloadType() == audioPayloadType ? MediaKind.AUDIO : null;
        if (kind == null || packet.payloadLength() == 0) {
            return;
        }
        if (kind == MediaKind.AUDIO) {
            audioSsrc = packet.ssrc();
        }
        if (kind == MediaKind.VIDEO) {
            videoSsrc = packet.ssrc();
            keep(data, offset, length, packet.sequenceNumber());
            if (keyframePending) {
                requestKeyframe();
            }
        }
        for (Viewer viewer : viewers) {
            viewer.rtp(kind, packet);
        }
    }

    /** The publisher's sender reports, passed on so viewers can put audio and video on one clock. */
    private void senderReports(byte[] data, int offset, int length) {
        if (viewers.isEmpty()) {
            return;
        }
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompound.decode(data, offset, length);
        } catch (MalformedInputException e) {
            return;
        }
        for (RtcpPacket packet : packets) {
            if (packet instanceof SenderReport report) {
                MediaKind kind = report.ssrc() == videoSsrc ? MediaKind.VIDEO
                    : report.ssrc() == audioSsrc ? MediaKind.AUDIO : null;
                if (kind != null) {
                    viewers.forEach(viewer -> viewer.senderReport(kind, report.ntpTimestamp(), report.rtpTimestamp()));
                }
            }
        }
    }

    private void keep(byte[] data, int offset, int length, int sequenceNumber) {
        byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
        synchronized (history) {
            history[sequenceNumber % HISTORY] = copy;
        }
    }

    private static int payloadType(List<NegotiatedMedia> media, MediaKind kind) {
        return media.stream().filter(m -> m.kind() == kind).mapToInt(m -> m.codec().payloadType()).findFirst()
            .orElse(-1);
    }
}
