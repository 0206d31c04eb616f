package dev.freshet.signaling.whip;

import dev.freshet.webrtc.dtls.DtlsParameters;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.receive.KeyframeRequester;
import dev.freshet.webrtc.receive.NackGenerator;
import dev.freshet.webrtc.receive.NodeCounters;
import dev.freshet.webrtc.receive.ReceivePipeline;
import dev.freshet.webrtc.receive.TransportFeedback;
import dev.freshet.webrtc.session.IncomingPeer;
import dev.freshet.webrtc.transport.SecureTransport;
import dev.freshet.webrtc.transport.TransportCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * One publisher, from its answered offer to its end: when ICE connects, the DTLS handshake and
 * SRTP start with the {@link IncomingPeer} as receiver; the peer is ticked from outside. The session
 * ends once, for the first of: DELETE, ICE or DTLS failure, no authenticated RTP for the silence
 * limit (counted from the answer, so a publisher that never connects ends too), a frame the
 * ingest refuses, or shutdown. Ending closes transport and ICE, completes the fragment in progress
 * and releases the stream; its WHEP viewers hear of the end.
 *
 * <p>Thread-safe: ICE callbacks, the tick timer and HTTP threads may call in concurrently.
 */
final class WhipSession {

    /** Why a session ended, as logged. */
    enum End {
        DELETED, ICE_FAILED, DTLS_FAILED, SILENT, INGEST_FAILED, SHUTDOWN
    }

    private static final Logger LOG = LoggerFactory.getLogger(WhipSession.class);

    private final String id;
    private final String kind;
    private final PublishTarget target;
    private final IceSession ice;
    private final DtlsParameters dtls;
    private final IncomingPeer peer;
    private final PeerIngest ingest;
    private final LivePublisher live;
    private final SilenceWatch silence;
    private final Consumer<WhipSession> onEnd;
    private final LongAdder bytesReceived = new LongAdder();
    private SecureTransport transport;
    private long packetsLost;
    private boolean ended;

    /** @param kind what started it ({@code WHIP}, {@code storage}), for logs */
    WhipSession(String id, String kind, PublishTarget target, IceSession ice, DtlsParameters dtls, IncomingPeer peer,
                PeerIngest ingest, LivePublisher live, long silenceMillis, long nowMillis,
                Consumer<WhipSession> onEnd) {
        this.id = id;
        this.kind = kind;
        this.target = target;
        this.ice = ice;
        this.dtls = dtls;
        this.peer = peer;
        this.ingest = ingest;
        this.live = live;
        this.silence = new SilenceWatch(silenceMillis, nowMillis);
        this.onEnd = onEnd;
    }

    String id() {
        return id;
    }

    IceSession ice() {
        return ice;
    }

    LivePublisher live() {
        return live;
    }

    String stream() {
        return target.stream();
    }

    /** Waits for ICE (the checks were started with the answer), then secures the transport. */
    void connectWhenIceIs() {
        Offers.whenIceConnects(ice, this::secure, () -> end(End.ICE_FAILED));
    }

    private synchronized void secure() {
        if (ended) {
            return;
        }
        transport = SecureTransport.start(ice, dtls, counting(live.tapping(peer)), kind.toLowerCase(Locale.ROOT) + "-"
            + id.substring(0, 8));
        peer.attach(transport);
        live.attach(transport);
        transport.ready().whenComplete((profile, failure) -> {
            if (failure != null) {
                end(End.DTLS_FAILED);
            }
        });
    }

    private SecureTransport.Receiver counting(SecureTransport.Receiver inner) {
        return new SecureTransport.Receiver() {
            @Override
            public void rtp(byte[] packet, int offset, int length) {
                bytesReceived.add(length);
                inner.rtp(packet, offset, length);
            }

            @Override
            public void rtcp(byte[] packet, int offset, int length) {
                bytesReceived.add(length);
                inner.rtcp(packet, offset, length);
            }
        };
    }

    /** Time passes: the peer's reorder timeouts and feedback; the silence and ingest checks. */
    void tick(long nowMillis) {
        End reason = null;
        synchronized (this) {
            if (ended) {
                return;
            }
            if (silence.silent(rtpPackets(), nowMillis)) {
                reason = End.SILENT;
            }
        }
        if (reason == null && ingest.failed()) {
            reason = End.INGEST_FAILED;
        }
        if (reason != null) {
            end(reason);
        } else {
            peer.tick();
        }
    }

    /** Ends the session; later calls do nothing. */
    void end(End reason) {
        SecureTransport secured;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            secured = transport;
        }
        if (secured != null) {
            secured.close();
        }
        ice.close();
        // frames still waiting for the other track's go out before the fragment closes
        peer.finish();
        ingest.finish();
        live.end();
        target.release().run();
        onEnd.accept(this);
        LOG.atInfo().setMessage(kind + " session ended").addKeyValue("stream", target.stream())
            .addKeyValue("session", id).addKeyValue("reason", reason).addKeyValue("rtpPackets", rtpPackets())
            .addKeyValue("frames", ingest.stored()).addKeyValue("framesDropped", ingest.dropped()).log();
    }

    long rtpPackets() {
        return transportCount(TransportCounters::rtp);
    }

    long authFailures() {
        return transportCount(TransportCounters::authFailed);
    }

    /** One of the transport's counts so far; 0 before ICE connected. */
    synchronized long transportCount(ToLongFunction<TransportCounters> count) {
        return transport == null ? 0 : count.applyAsLong(transport.counters());
    }

    /** The session's counts so far, for metrics; packet loss never goes down. */
    PublisherStats stats(boolean publishing) {
        long nacks = 0;
        long plis = live.plisSent();
        long firs = 0;
        for (ReceivePipeline pipeline : peer.pipelines()) {
            nacks += pipeline.nackCounters().get(NackGenerator.Counter.REQUESTED);
            Optional<NodeCounters<KeyframeRequester.Counter>> keyframes = pipeline.keyframeCounters();
            plis += keyframes.map(c -> c.get(KeyframeRequester.Counter.PLI_SENT)).orElse(0L);
            firs += keyframes.map(c -> c.get(KeyframeRequester.Counter.FIR_SENT)).orElse(0L);
        }
        long lostNow = peer.packetsLost();
        long lost;
        synchronized (this) {
            packetsLost = Math.max(packetsLost, lostNow);
            lost = packetsLost;
        }
        long transportFeedback = peer.transportFeedbackCounters().get(TransportFeedback.Counter.FEEDBACK_SENT);
        return new PublisherStats(publishing, bytesReceived.sum(), lost, nacks, plis, firs, transportFeedback,
            ingest.keyframeIntervalMicros() / 1e6);
    }

    long framesStored() {
        return ingest.stored();
    }
}
