package dev.freshet.signaling.whep;

import dev.freshet.signaling.whip.LivePublisher;
import dev.freshet.signaling.whip.Offers;
import dev.freshet.signaling.whip.SilenceWatch;
import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.dtls.DtlsParameters;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.rtcp.FullIntraRequest;
import dev.freshet.webrtc.rtcp.GenericNack;
import dev.freshet.webrtc.rtcp.PictureLossIndication;
import dev.freshet.webrtc.rtcp.RtcpCompound;
import dev.freshet.webrtc.rtcp.RtcpPacket;
import dev.freshet.webrtc.rtp.RtpPacket;
import dev.freshet.webrtc.sdp.MediaKind;
import dev.freshet.webrtc.transport.SecureTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One viewer, from its answered offer to its end: when ICE connects, DTLS and SRTP start; once
 * the keys exist the viewer joins the publisher ({@link ViewerQueue}), which is asked for a
 * keyframe. The viewer's RTCP is feedback: PLI and FIR go to the publisher (rate-limited there),
 * NACKs are answered from the publisher's packet history. The session ends once, for the first
 * of: DELETE, ICE or DTLS failure, no RTCP from the viewer for the silence limit, the publisher's
 * end, or shutdown.
 *
 * <p>Thread-safe: ICE callbacks, the transport's reader, the timer and HTTP threads may call in.
 */
final class WhepSession implements SecureTransport.Receiver {

    /** Why a session ended, as logged. */
    enum End {
        DELETED, ICE_FAILED, DTLS_FAILED, SILENT, PUBLISHER_ENDED, SHUTDOWN
    }

    private static final Logger LOG = LoggerFactory.getLogger(WhepSession.class);

    private final String id;
    private final LivePublisher publisher;
    private final IceSession ice;
    private final DtlsParameters dtls;
    private final Map<MediaKind, OutgoingTrack> tracks;
    private final SilenceWatch silence;
    private final Consumer<WhepSession> onEnd;
    private SecureTransport transport;
    private ViewerQueue viewer;
    private boolean ended;

    WhepSession(String id, LivePublisher publisher, IceSession ice, DtlsParameters dtls,
                Map<MediaKind, OutgoingTrack> tracks, long silenceMillis, long nowMillis,
                Consumer<WhepSession> onEnd) {
        this.id = id;
        this.publisher = publisher;
        this.ice = ice;
        this.dtls = dtls;
        this.tracks = tracks;
        this.silence = new SilenceWatch(silenceMillis, nowMillis);
        this.onEnd = onEnd;
    }

    String id() {
        return id;
    }

    IceSession ice() {
        return ice;
    }

    String stream() {
        return publisher.stream();
    }

    /** Waits for ICE (checks started with the answer), then secures the transport and joins. */
    void connectWhenIceIs() {
        Offers.whenIceConnects(ice, this::secure, () -> end(End.ICE_FAILED));
    }

    private synchronized void secure() {
        if (ended) {
            return;
        }
        transport = SecureTransport.start(ice, dtls, this, "whep-" + id.substring(0, 8));
        viewer = new ViewerQueue(tracks, transport, () -> end(End.PUBLISHER_ENDED), id.substring(0, 8));
        transport.ready().whenComplete((profile, failure) -> {
            if (failure != null) {
                end(End.DTLS_FAILED);
            } else if (!publisher.add(viewer)) {
                end(End.PUBLISHER_ENDED);
            }
        });
    }

    @Override
    public void rtp(byte[] packet, int offset, int length) {
        // a recvonly viewer sends no media; anything else is not ours to use
    }

    @Override
    public void rtcp(byte[] data, int offset, int length) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompound.decode(data, offset, length);
        } catch (MalformedInputException e) {
            return;
        }
        for (RtcpPacket packet : packets) {
            if (packet instanceof PictureLossIndication || packet instanceof FullIntraRequest) {
                publisher.requestKeyframe();
            } else if (packet instanceof GenericNack nack) {
                resend(nack);
            }
        }
    }

    private void resend(GenericNack nack) {
        ViewerQueue out = queue();
        if (out == null || nack.mediaSsrc() != out.videoSsrc()) {
            return;
        }
        for (int sequenceNumber : nack.lost()) {
            RtpPacket kept = publisher.history(sequenceNumber);
            if (kept != null) {
                out.resend(kept);
            }
        }
    }

    /** Time passes: a viewer that has sent no RTCP for the silence limit is gone. */
    void tick(long nowMillis) {
        synchronized (this) {
            if (ended) {
                return;
            }
            long rtcp = transport == null ? 0 : transport.counters().rtcp();
            if (!silence.silent(rtcp, nowMillis)) {
                return;
            }
        }
        end(End.SILENT);
    }

    /** Ends the session; later calls do nothing. */
    void end(End reason) {
        SecureTransport secured;
        ViewerQueue out;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            secured = transport;
            out = viewer;
        }
        if (out != null) {
            publisher.remove(out);
            out.close();
        }
        if (secured != null) {
            secured.close();
        }
        ice.close();
        onEnd.accept(this);
        LOG.atInfo().setMessage("WHEP session ended").addKeyValue("stream", publisher.stream())
            .addKeyValue("session", id).addKeyValue("reason", reason).addKeyValue("rtpSent", sent())
            .addKeyValue("rtpDropped", dropped()).log();
    }

    /** The session's counts so far, for metrics. */
    ViewerStats stats(boolean open) {
        ViewerQueue out = queue();
        return out == null ? new ViewerStats(open ? 1 : 0, 0, 0, 0)
            : new ViewerStats(open ? 1 : 0, out.bytesSent(), out.resent(), out.dropped());
    }

    long sent() {
        ViewerQueue out = queue();
        return out == null ? 0 : out.sent();
    }

    long dropped() {
        ViewerQueue out = queue();
        return out == null ? 0 : out.dropped();
    }

    private synchronized ViewerQueue queue() {
        return viewer;
    }
}
