package dev.freshet.webrtc.session;

import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.MediaKind;
import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.receive.FrameSink;
import dev.freshet.webrtc.receive.KeyframeRequester;
import dev.freshet.webrtc.receive.NodeCounters;
import dev.freshet.webrtc.receive.ReceiveConfig;
import dev.freshet.webrtc.receive.ReceivePipeline;
import dev.freshet.webrtc.receive.TransportFeedback;
import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.rtcp.SenderReport;
import dev.freshet.webrtc.rtp.HeaderExtension;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.transport.SecureTransport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A publishing peer's media, decrypted, turned into frames: each negotiated medium
 * ({@link MediaRoute}) gets a {@link ReceivePipeline} once its first packet names its SSRC; sender
 * reports reach the pipeline of their SSRC, their NTP time moved onto the server's clock by one offset for
 * the whole peer ({@link SenderClockOffset}); feedback (receiver reports, NACK, PLI/FIR) goes back
 * through the transport, and so does transport-wide congestion control feedback over all the peer's
 * packets ({@link TransportFeedback}) when its header extension was negotiated; frames of all tracks
 * leave in one presentation-time order ({@link TrackInterleaver}).
 *
 * <p>Thread-safe: packets come on the transport's reader thread and {@link #tick} from a timer;
 * one lock keeps the pipelines single-threaded.
 */
public final class IncomingPeer implements SecureTransport.Receiver {

    /** Where the peer's frames go — a fragment ingest, typically. */
    public interface Output {
        /**
         * The video track's CodecPrivate (avcC) from the next frame on: called in order with the
         * frames, after every frame that was presented before.
         */
        void codecPrivate(int track, byte[] avcC);

        /** The next frame in presentation order across tracks; its data arrived at {@code arrivalMicros}. */
        void frame(Frame frame, long arrivalMicros);
    }

    /** How long frames of one track wait for another's before leaving in order. */
    static final long INTERLEAVE_WINDOW_MICROS = 200_000;

    private final List<MediaRoute> routes;
    private final long localSsrc;
    private final Output output;
    private final LongSupplier clockMicros;
    private final long keyframePeriodMicros;
    private final TrackInterleaver interleaver;
    private final Map<Long, ReceivePipeline> bySsrc = new HashMap<>();
    private final List<ReceivePipeline> pipelines = new ArrayList<>();
    /** New codec private data per track, waiting for the track's next frame to travel with it. */
    private final Map<Integer, byte[]> pendingCodecPrivate = new HashMap<>();
    private final LongAdder unrouted = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder feedbackFailures = new LongAdder();
    private final SenderClockOffset senderClock = new SenderClockOffset();
    /** The transport-wide sequence number's header extension id, -1 when not negotiated. */
    private final int transportCcId;
    private final TransportFeedback transportFeedback;
    private SecureTransport transport;

    /**
     * @param clockMicros the server's epoch clock in microseconds (frames are stamped on it until a
     *                    sender report anchors a stream)
     */
    public IncomingPeer(List<MediaRoute> routes, long localSsrc, Output output, LongSupplier clockMicros) {
        this(routes, localSsrc, output, clockMicros, KeyframeRequester.Config.defaults().periodicMicros());
    }

    /** @param keyframePeriodMicros a video sender is asked for a keyframe after this long without one */
    public IncomingPeer(List<MediaRoute> routes, long localSsrc, Output output, LongSupplier clockMicros,
                        long keyframePeriodMicros) {
        this(routes, localSsrc, output, clockMicros, keyframePeriodMicros, -1);
    }

    /**
     * @param transportCcId the id of the transport-wide sequence number's header extension, when transport-cc
     *                      feedback was negotiated; -1 for none (then no such feedback is sent)
     */
    public IncomingPeer(List<MediaRoute> routes, long localSsrc, Output output, LongSupplier clockMicros,
                        long keyframePeriodMicros, int transportCcId) {
        this.transportCcId = transportCcId;
        this.transportFeedback = new TransportFeedback(localSsrc);
        this.keyframePeriodMicros = keyframePeriodMicros;
        this.routes = List.copyOf(routes);
        this.localSsrc = localSsrc;
        this.output = output;
        this.clockMicros = clockMicros;
        // one track has nothing to interleave with: its frames, already in order, need not wait
        long window = this.routes.stream().map(MediaRoute::track).distinct().count() > 1 ? INTERLEAVE_WINDOW_MICROS : 0;
        this.interleaver = new TrackInterleaver(window, (frame, arrival, codecPrivate) -> {
            if (codecPrivate != null) {
                output.codecPrivate(frame.track(), codecPrivate);
            }
            output.frame(frame, arrival);
        });
    }

    /** The transport feedback goes back through; packets arriving before are still received. */
    public synchronized void attach(SecureTransport feedback) {
        this.transport = feedback;
    }

    @Override
    public synchronized void rtp(byte[] data, int offset, int length) {
        RtpPacket packet;
        try {
            packet = RtpPacket.decode(data, offset, length);
        } catch (MalformedInputException e) {
            malformed.increment();
            return;
        }
        long now = clockMicros.getAsLong();
        recordTransportSequence(packet, now);
        ReceivePipeline pipeline = bySsrc.get(packet.ssrc());
        if (pipeline == null) {
            pipeline = route(packet);
        }
        if (pipeline == null) {
            unrouted.increment();
            return;
        }
        pipeline.onRtp(packet, now);
    }

    /** Every packet with the sequence number counts, on whichever SSRC: RTX and padding probes are sent data. */
    private void recordTransportSequence(RtpPacket packet, long now) {
        if (transportCcId < 0) {
            return;
        }
        HeaderExtension sequence = packet.extension(transportCcId);
        if (sequence != null && sequence.length() >= 2) {
            byte[] b = sequence.buffer();
            transportFeedback.onPacket((b[sequence.offset()] & 0xFF) << 8 | b[sequence.offset() + 1] & 0xFF,
                packet.ssrc(), now);
        }
    }

    @Override
    public synchronized void rtcp(byte[] data, int offset, int length) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompound.decode(data, offset, length);
        } catch (MalformedInputException e) {
            malformed.increment();
            return;
        }
        long now = clockMicros.getAsLong();
        for (RtcpPacket packet : packets) {
            if (packet instanceof SenderReport report && bySsrc.containsKey(report.ssrc())) {
                bySsrc.get(report.ssrc()).onSenderReport(report, now,
                    senderClock.offsetMicros(report.epochMicros(), now));
            }
        }
    }

    /** Time passes: reorder timeouts, feedback that is due. Call every few milliseconds. */
    public synchronized void tick() {
        long now = clockMicros.getAsLong();
        for (ReceivePipeline pipeline : pipelines) {
            pipeline.tick(now);
        }
        // each report in its own reduced-size compound (rtcp-rsize), so none grows past a datagram
        transportFeedback.tick(now).forEach(report -> feedback(List.of(report)));
    }

    /** The peer left: frames still waiting for other tracks go out. */
    public synchronized void finish() {
        interleaver.flush();
    }

    /** Packets of no negotiated medium (unknown payload type or SSRC). */
    public long unrouted() {
        return unrouted.sum();
    }

    /** Packets or compounds that did not parse. */
    public long malformed() {
        return malformed.sum();
    }

    /** RTP packets never received, over the peer's streams (RFC 3550 cumulative loss, none below 0). */
    public synchronized long packetsLost() {
        return pipelines.stream().mapToLong(pipeline -> Math.max(0, pipeline.statistics().cumulativeLost())).sum();
    }

    /** Transport-wide feedback counters; all 0 when transport-cc was not negotiated. */
    public NodeCounters<TransportFeedback.Counter> transportFeedbackCounters() {
        return transportFeedback.counters();
    }

    public synchronized List<ReceivePipeline> pipelines() {
        return List.copyOf(pipelines);
    }

    /** The pipeline for a packet of a stream not seen before, if a route claims it. */
    private ReceivePipeline route(RtpPacket packet) {
        for (MediaRoute route : routes) {
            boolean claims = packet.payloadType() == route.payloadType()
                && (route.ssrc() == 0 || route.ssrc() == packet.ssrc());
            if (claims) {
                ReceivePipeline pipeline = pipeline(route, packet.ssrc());
                bySsrc.put(packet.ssrc(), pipeline);
                if (route.rtxSsrc() != 0) {
                    bySsrc.put(route.rtxSsrc(), pipeline);
                }
                pipelines.add(pipeline);
                return pipeline;
            }
        }
        return null;
    }

    private ReceivePipeline pipeline(MediaRoute route, long ssrc) {
        KeyframeRequester.Config keyframes = KeyframeRequester.Config.defaults();
        ReceiveConfig config = ReceiveConfig.defaults(localSsrc, ssrc, route.track()).withKeyframes(
            new KeyframeRequester.Config(keyframes.minIntervalMicros(), keyframePeriodMicros, keyframes.useFir()))
            .withFeedback(route.feedback());
        if (route.rtxSsrc() != 0) {
            config = config.withRtx(route.rtxSsrc());
        }
        FrameSink frames = new FrameSink() {
            @Override
            public void frame(Frame frame, long arrivalMicros) {
                interleaver.add(frame, arrivalMicros, pendingCodecPrivate.remove(frame.track()));
            }

            @Override
            public void codecPrivate(int track, byte[] avcC) {
                // it applies from the next frame on, which may leave the interleaver after others
                pendingCodecPrivate.put(track, avcC);
            }
        };
        return route.kind() == MediaKind.VIDEO ? ReceivePipeline.h264(config, frames, this::feedback)
            : ReceivePipeline.opus(config, frames, this::feedback);
    }

    private void feedback(List<RtcpPacket> packets) {
        SecureTransport out = transport;
        if (out == null) {
            return;
        }
        byte[] compound = RtcpCompound.encode(packets);
        try {
            out.sendRtcp(compound, 0, compound.length);
        } catch (IOException e) {
            feedbackFailures.increment();
        }
    }
}
