package dev.freshet.signaling.whep;

import dev.freshet.signaling.whip.Candidates;
import dev.freshet.signaling.whip.IcePatches;
import dev.freshet.signaling.whip.LivePublisher;
import dev.freshet.signaling.whip.LivePublishers;
import dev.freshet.signaling.whip.Offers;
import dev.freshet.signaling.whip.SessionSlots;
import dev.freshet.signaling.whip.SessionTimer;
import dev.freshet.signaling.whip.WhipAnswer;
import dev.freshet.signaling.whip.WhipException;
import dev.freshet.signaling.whip.WhipLimits;
import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.ice.IceCredentials;
import dev.freshet.webrtc.ice.IcePort;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.sdp.AnswerBuilder;
import dev.freshet.webrtc.sdp.AnswerResult;
import dev.freshet.webrtc.sdp.LocalParameters;
import dev.freshet.webrtc.sdp.MediaKind;
import dev.freshet.webrtc.sdp.NegotiatedMedia;
import dev.freshet.webrtc.sdp.OfferBuilder;
import dev.freshet.webrtc.sdp.SessionDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every WHEP viewer on the server's one WebRTC UDP port (shared with WHIP). {@link #play} answers a
 * viewer's recvonly offer for a stream with a live WHIP publisher ({@link LivePublishers}) and the
 * session connects in the background; from then on the publisher's RTP is forwarded as it comes
 * (SFU-style, no transcoding), each viewer with its own SSRCs and SRTP keys. Viewers end with
 * their publisher: a new publisher of the stream needs a new WHEP session. {@link #end} is the
 * resource's DELETE. {@link #offer} is the other way round, for KVS storage viewers: Freshet offers
 * the publisher's codecs and the viewer answers ({@link OfferedViewer}); the session is then the same.
 *
 * <p>Thread-safe.
 */
public final class WhepSessions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WhepSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CNAME = "freshet";
    /** Silence is measured in RTCP, which viewers send about once a second. */
    private static final long TICK_MILLIS = 1000;

    private final IcePort port;
    private final DtlsCertificate certificate;
    private final Candidates candidates;
    private final LivePublishers publishers;
    private final WhipLimits limits;
    private final InstantSource clock;
    private final Map<String, WhepSession> sessions = new ConcurrentHashMap<>();
    private final SessionSlots slots;
    private final IcePatches patches;
    /** The counts of ended sessions by stream; guarded by this. */
    private final Map<String, ViewerStats> endedByStream = new HashMap<>();
    private final ScheduledExecutorService timer = SessionTimer.daemon("freshet-whep-ticks");

    public WhepSessions(IcePort port, DtlsCertificate certificate, Candidates candidates, LivePublishers publishers,
                        WhipLimits limits, InstantSource clock) {
        this.port = port;
        this.certificate = certificate;
        this.candidates = candidates;
        this.publishers = publishers;
        this.limits = limits;
        this.clock = clock;
        this.slots = new SessionSlots(limits.maxSessions(), "WHEP");
        this.patches = new IcePatches(candidates);
        timer.scheduleWithFixedDelay(this::tickAll, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Answers a viewer's {@code offerSdp} for {@code stream} and starts its session.
     *
     * @throws WhipException STREAM_NOT_FOUND without a live publisher, TOO_MANY_SESSIONS, BAD_OFFER
     */
    public WhipAnswer play(String stream, String offerSdp) {
        LivePublisher publisher = publisher(stream);
        slots.take();
        try {
            return start(publisher, Offers.parse(offerSdp));
        } catch (RuntimeException e) {
            slots.giveBack();
            throw e;
        }
    }

    /**
     * Offers {@code stream}'s publisher to a viewer that will answer: a {@code sendonly} offer with the
     * publisher's codecs and payload types ({@link OfferBuilder#sending}), Freshet the controlling ICE
     * agent as for storage sessions' offers (a viewer on the KVS SDKs answers as the controlled one).
     *
     * @throws WhipException STREAM_NOT_FOUND without a live publisher, TOO_MANY_SESSIONS
     */
    public OfferedViewer offer(String stream) {
        LivePublisher publisher = publisher(stream);
        slots.take();
        IceSession ice = null;
        try {
            ice = IceSession.open(port, true);
            IceCredentials local = ice.localCredentials();
            SessionDescription offer = OfferBuilder.sending(local(local, ice), publisher.codecs());
            return new OfferedViewer(Offers.newId(), publisher, ice, offer, this);
        } catch (RuntimeException e) {
            if (ice != null) {
                ice.close();
            }
            slots.giveBack();
            throw e;
        }
    }

    /** Ends the session {@code sessionId} of {@code stream}; false when there is none. */
    public boolean end(String stream, String sessionId) {
        WhepSession session = sessions.get(sessionId);
        if (session == null || !session.stream().equals(stream)) {
            return false;
        }
        session.end(WhepSession.End.DELETED);
        return true;
    }

    /**
     * The resource's PATCH: trickled candidates or an ICE restart ({@link IcePatches}).
     *
     * @throws WhipException SESSION_NOT_FOUND, BAD_OFFER, PRECONDITION_FAILED, ICE_MISMATCH
     */
    public IcePatches.Result patch(String stream, String sessionId, String ifMatch, String fragment) {
        WhepSession session = sessions.get(sessionId);
        if (session == null || !session.stream().equals(stream)) {
            throw new WhipException(WhipException.Reason.SESSION_NOT_FOUND,
                "No WHEP session " + sessionId + " on stream " + stream + ".");
        }
        return patches.apply(session.ice(), ifMatch, fragment, "WHEP", stream, sessionId);
    }

    /** Trickled candidates and ICE restarts of WHEP sessions. */
    public IcePatches patches() {
        return patches;
    }

    /** Viewers now connected or connecting. */
    public int active() {
        return sessions.size();
    }

    /** RTP packets sent to the viewers now open. */
    public long packetsSent() {
        return sessions.values().stream().mapToLong(WhepSession::sent).sum();
    }

    /** Per stream that ever had a WHEP viewer: its counts and its viewers now. */
    public synchronized Map<String, ViewerStats> streamStats() {
        Map<String, ViewerStats> stats = new TreeMap<>(endedByStream);
        for (WhepSession session : sessions.values()) {
            stats.merge(session.stream(), session.stats(true), ViewerStats::plus);
        }
        return stats;
    }

    /** Ends every session and stops the timer. */
    @Override
    public void close() {
        timer.shutdownNow();
        sessions.values().forEach(session -> session.end(WhepSession.End.SHUTDOWN));
    }

    private WhipAnswer start(LivePublisher publisher, SessionDescription offer) {
        IceSession ice = IceSession.open(port, false);
        try {
            AnswerResult answer = AnswerBuilder.answer(offer, local(ice.localCredentials(), ice));
            String id = Offers.newId();
            accept(id, publisher, ice, answer);
            return new WhipAnswer(id, answer.answer().format(), IcePatches.etag(ice));
        } catch (MalformedInputException e) {
            ice.close();
            throw Offers.badOffer(e);
        } catch (RuntimeException e) {
            ice.close();
            throw e;
        }
    }

    /**
     * Starts the session of a negotiated viewer (its slot taken): ICE checks, then DTLS and forwarding.
     * As for WHIP, the viewer's checks tell its address; its candidates are not needed.
     */
    void accept(String id, LivePublisher publisher, IceSession ice, AnswerResult answer) {
        ice.start(new IceCredentials(answer.remoteIceUfrag(), answer.remoteIcePwd()), List.of());
        WhepSession session = new WhepSession(id, publisher, ice, Offers.dtls(answer, certificate),
            tracks(answer.media()), limits.silence().toMillis(), clock.millis(), this::ended);
        sessions.put(session.id(), session);
        session.connectWhenIceIs();
        LOG.atInfo().setMessage("WHEP session started").addKeyValue("stream", publisher.stream())
            .addKeyValue("session", session.id()).addKeyValue("media", answer.media().size()).log();
    }

    /** Whether session {@code id} is connected or connecting. */
    boolean open(String id) {
        return sessions.containsKey(id);
    }

    /** An {@link OfferedViewer} closed before its answer gives its slot back. */
    void unanswered() {
        slots.giveBack();
    }

    private LivePublisher publisher(String stream) {
        return publishers.of(stream).orElseThrow(() -> new WhipException(
            WhipException.Reason.STREAM_NOT_FOUND, "Stream " + stream + " has no live WebRTC publisher: "
                + "publish it with WHIP (/whip/" + stream + ") first."));
    }

    /** What the server brings to a viewer's session: it sends, with SSRCs of its own. */
    private LocalParameters local(IceCredentials local, IceSession ice) {
        return LocalParameters.sending(local.ufrag(), local.password(), Offers.sdpFingerprint(certificate),
            candidates.of(ice.localCandidates()), Offers.sessionVersion(), CNAME, ssrc(), ssrc());
    }

    private static Map<MediaKind, OutgoingTrack> tracks(List<NegotiatedMedia> media) {
        Map<MediaKind, OutgoingTrack> tracks = new EnumMap<>(MediaKind.class);
        for (NegotiatedMedia m : media) {
            tracks.put(m.kind(), OutgoingTrack.of(m));
        }
        return tracks;
    }

    /** Synchronized with {@link #streamStats}, which must not see a session both open and ended. */
    private synchronized void ended(WhepSession session) {
        endedByStream.merge(session.stream(), session.stats(false), ViewerStats::plus);
        if (sessions.remove(session.id()) != null) {
            slots.giveBack();
        }
    }

    private void tickAll() {
        long now = clock.millis();
        sessions.values().forEach(session -> session.tick(now));
    }

    /** A random non-zero 32-bit SSRC: viewers' SSRCs need only differ from each other within one viewer. */
    private static long ssrc() {
        return (RANDOM.nextInt() & 0xFFFF_FFFFL) | 1;
    }
}
