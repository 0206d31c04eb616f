package dev.freshet.signaling.whip;

import dev.freshet.fragments.ingest.FrameIngest;
import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.ice.IceCredentials;
import dev.freshet.webrtc.ice.IcePort;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.sdp.AnswerBuilder;
import dev.freshet.webrtc.sdp.AnswerResult;
import dev.freshet.webrtc.sdp.LocalParameters;
import dev.freshet.webrtc.sdp.SessionDescription;
import dev.freshet.webrtc.session.IncomingPeer;
import dev.freshet.webrtc.transport.TransportCounters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every WHIP publisher on the server's one WebRTC UDP port. {@link #publish} answers an offer at
 * once (ICE lite: the publisher's checks find the port) and the session connects in the
 * background; {@link #end} is the resource's DELETE. Storage sessions, whose offer Freshet makes
 * ({@link dev.freshet.signaling.storage.StorageSessions}), hand their answered session to
 * {@link #receive} and are publishers like the others from then on. One timer ticks every session each
 * {@link #TICK_MILLIS} ms: receive pipelines' timeouts and feedback, and the checks that end a
 * silent or failed session.
 *
 * <p>Admission, in this order: a free slot (at most {@code maxSessions}), an offer that can be
 * answered, the stream claimed for this one publisher ({@link PublishTargets}).
 *
 * <p>Thread-safe.
 */
public final class WhipSessions implements AutoCloseable {

    /** How often receive pipelines are ticked: their reorder and feedback timers work in ~10 ms steps. */
    static final long TICK_MILLIS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(WhipSessions.class);
    /** The SSRC the server's receiver reports and feedback carry; any value unlike the publisher's will do. */
    private static final long FEEDBACK_SSRC = 1;

    private final IcePort port;
    private final DtlsCertificate certificate;
    private final Candidates candidates;
    private final PublishTargets targets;
    private final WhipLimits limits;
    private final InstantSource clock;
    private final LivePublishers publishers;
    private final Map<String, WhipSession> sessions = new ConcurrentHashMap<>();
    private final SessionSlots slots;
    private final IcePatches patches;
    private final LongAdder started = new LongAdder();
    private final LongAdder endedRtp = new LongAdder();
    private final LongAdder endedAuthFailures = new LongAdder();
    private final LongAdder endedFrames = new LongAdder();
    private final LongAdder endedReplayed = new LongAdder();
    private final LongAdder endedMalformed = new LongAdder();
    private final LongAdder endedUnknown = new LongAdder();
    /** The counts of ended sessions by stream; guarded by this. */
    private final Map<String, PublisherStats> endedByStream = new HashMap<>();
    private final ScheduledExecutorService timer = SessionTimer.daemon("freshet-whip-ticks");

    public WhipSessions(IcePort port, DtlsCertificate certificate, Candidates candidates, PublishTargets targets,
                        WhipLimits limits, InstantSource clock) {
        this(port, certificate, candidates, targets, limits, clock, new LivePublishers());
    }

    /** @param publishers where live publishers are listed for WHEP viewers */
    public WhipSessions(IcePort port, DtlsCertificate certificate, Candidates candidates, PublishTargets targets,
                        WhipLimits limits, InstantSource clock, LivePublishers publishers) {
        this.publishers = publishers;
        this.slots = new SessionSlots(limits.maxSessions(), "WebRTC");
        this.port = port;
        this.certificate = certificate;
        this.candidates = candidates;
        this.targets = targets;
        this.limits = limits;
        this.clock = clock;
        this.patches = new IcePatches(candidates);
        timer.scheduleWithFixedDelay(this::tickAll, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Answers {@code offerSdp} from a publisher to {@code stream} and starts its session.
     *
     * @throws WhipException when the offer is refused (see {@link WhipException.Reason})
     */
    public WhipAnswer publish(String stream, String offerSdp) {
        slots.take();
        try {
            return start(stream, Offers.parse(offerSdp));
        } catch (RuntimeException e) {
            slots.giveBack();
            throw e;
        }
    }

    /**
     * Takes a slot for a session Freshet offers (a storage session), before it makes the offer; the
     * slot is given back by {@link #release()} if the session ends unanswered, else when the session
     * {@link #receive} started ends.
     *
     * @throws WhipException {@link WhipException.Reason#TOO_MANY_SESSIONS}
     */
    public void reserve() {
        slots.take();
    }

    /** Gives back a slot {@link #reserve()} took for a session that never started. */
    public void release() {
        slots.giveBack();
    }

    /**
     * Starts receiving a session Freshet offered, now that the peer answered: {@code ice} is started
     * with the peer's credentials, {@code negotiated} was read from its answer, the caller holds a slot
     * ({@link #reserve()}) and has claimed {@code target}. From here the session is this one's, as a
     * WHIP publisher's is: ticked, counted, listed for WHEP viewers, ended when silent or by
     * {@link #end}, and the slot, the stream and ICE are given back when it ends.
     *
     * @param id   the session id, unguessable ({@link Offers#newId()})
     * @param kind what offered it, for logs
     */
    public void receive(String id, String kind, PublishTarget target, IceSession ice, AnswerResult negotiated) {
        session(id, kind, target, ice, negotiated);
    }

    /** Whether the session {@code sessionId} is still receiving. */
    public boolean live(String sessionId) {
        return sessions.containsKey(sessionId);
    }

    /** Ends the session {@code sessionId} of {@code stream}; false when there is none. */
    public boolean end(String stream, String sessionId) {
        WhipSession session = sessions.get(sessionId);
        if (session == null || !session.stream().equals(stream)) {
            return false;
        }
        session.end(WhipSession.End.DELETED);
        return true;
    }

    /**
     * The resource's PATCH: trickled candidates or an ICE restart ({@link IcePatches}).
     *
     * @throws WhipException SESSION_NOT_FOUND, BAD_OFFER, PRECONDITION_FAILED, ICE_MISMATCH
     */
    public IcePatches.Result patch(String stream, String sessionId, String ifMatch, String fragment) {
        WhipSession session = sessions.get(sessionId);
        if (session == null || !session.stream().equals(stream)) {
            throw new WhipException(WhipException.Reason.SESSION_NOT_FOUND,
                "No WHIP session " + sessionId + " on stream " + stream + ".");
        }
        return patches.apply(session.ice(), ifMatch, fragment, "WHIP", stream, sessionId);
    }

    /** Trickled candidates and ICE restarts of WHIP sessions. */
    public IcePatches patches() {
        return patches;
    }

    public synchronized WhipTotals totals() {
        long rtp = endedRtp.sum();
        long auth = endedAuthFailures.sum();
        long frames = endedFrames.sum();
        long replayed = endedReplayed.sum();
        long malformed = endedMalformed.sum();
        long unknown = endedUnknown.sum();
        for (WhipSession session : sessions.values()) {
            rtp += session.rtpPackets();
            auth += session.authFailures();
            frames += session.framesStored();
            replayed += session.transportCount(TransportCounters::replayed);
            malformed += session.transportCount(TransportCounters::malformed);
            unknown += session.transportCount(TransportCounters::unknown);
        }
        return new WhipTotals(sessions.size(), started.sum(), rtp, auth, frames, replayed, malformed, unknown);
    }

    /** Per stream that ever had a WHIP publisher: its counts, and its live publisher's state. */
    public synchronized Map<String, PublisherStats> streamStats() {
        Map<String, PublisherStats> stats = new TreeMap<>(endedByStream);
        for (WhipSession session : sessions.values()) {
            stats.merge(session.stream(), session.stats(true), PublisherStats::plus);
        }
        return stats;
    }

    /** Ends every session and stops the timer. */
    @Override
    public void close() {
        timer.shutdownNow();
        sessions.values().forEach(session -> session.end(WhipSession.End.SHUTDOWN));
    }

    private WhipAnswer start(String stream, SessionDescription offer) {
        PublishTarget target = targets.claim(stream);
        IceSession ice = null;
        try {
            ice = IceSession.open(port, false);
            IceCredentials local = ice.localCredentials();
            AnswerResult answer = AnswerBuilder.answer(offer, LocalParameters.receiving(local.ufrag(),
                local.password(), Offers.sdpFingerprint(certificate), candidates.of(ice.localCandidates()),
                Offers.sessionVersion()));
            // the one port cannot send checks before the publisher's arrive, and those tell its
            // address (peer-reflexive), so the offer's candidates are not needed
            ice.start(new IceCredentials(answer.remoteIceUfrag(), answer.remoteIcePwd()), List.of());
            WhipSession session = session(Offers.newId(), "WHIP", target, ice, answer);
            return new WhipAnswer(session.id(), answer.answer().format(), IcePatches.etag(ice));
        } catch (MalformedInputException e) {
            closeAfterRefusal(target, ice);
            throw Offers.badOffer(e);
        } catch (RuntimeException e) {
            closeAfterRefusal(target, ice);
            throw e;
        }
    }

    private WhipSession session(String id, String kind, PublishTarget target, IceSession ice, AnswerResult answer) {
        FrameIngest frames = new FrameIngest(target.log(), target.edge(), target.createdMillis(), ack -> { });
        MediaRoutes routes = MediaRoutes.of(answer.media());
        PeerIngest ingest = new PeerIngest(frames, routes.audioTrack(), routes.hasVideo());
        IncomingPeer peer = new IncomingPeer(routes.routes(), FEEDBACK_SSRC, ingest, this::nowMicros,
            limits.keyframeInterval().toNanos() / 1000, routes.transportCcId());
        LivePublisher live = new LivePublisher(target.stream(), answer.media(), FEEDBACK_SSRC, clock::millis);
        WhipSession session = new WhipSession(id, kind, target, ice, Offers.dtls(answer, certificate), peer, ingest,
            live, limits.silence().toMillis(), clock.millis(), this::ended);
        sessions.put(id, session);
        publishers.add(live);
        started.increment();
        session.connectWhenIceIs();
        LOG.atInfo().setMessage(kind + " session started").addKeyValue("stream", target.stream())
            .addKeyValue("session", id).addKeyValue("video", routes.hasVideo())
            .addKeyValue("audio", routes.audioTrack() != 0).log();
        return session;
    }

    /** Synchronized with {@link #totals}, which must not see a session both live and ended. */
    private synchronized void ended(WhipSession session) {
        publishers.remove(session.live());
        endedRtp.add(session.rtpPackets());
        endedAuthFailures.add(session.authFailures());
        endedFrames.add(session.framesStored());
        endedReplayed.add(session.transportCount(TransportCounters::replayed));
        endedMalformed.add(session.transportCount(TransportCounters::malformed));
        endedUnknown.add(session.transportCount(TransportCounters::unknown));
        endedByStream.merge(session.stream(), session.stats(false).ended(), PublisherStats::plus);
        if (sessions.remove(session.id()) != null) {
            slots.giveBack();
        }
    }

    private void tickAll() {
        long now = clock.millis();
        for (WhipSession session : sessions.values()) {
            try {
                session.tick(now);
            } catch (RuntimeException e) {
                // one broken session must not stop the timer that serves all of them
                LOG.atWarn().setMessage("WHIP session failed").addKeyValue("session", session.id()).setCause(e).log();
                session.end(WhipSession.End.INGEST_FAILED);
            }
        }
    }

    private long nowMicros() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private static void closeAfterRefusal(PublishTarget target, IceSession ice) {
        if (ice != null) {
            ice.close();
        }
        target.release().run();
    }
}
