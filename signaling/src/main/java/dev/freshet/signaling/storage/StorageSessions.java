package dev.freshet.signaling.storage;

import dev.freshet.signaling.whep.WhepSessions;
import dev.freshet.signaling.whip.Candidates;
import dev.freshet.signaling.whip.Offers;
import dev.freshet.signaling.whip.PublishTarget;
import dev.freshet.signaling.whip.PublishTargets;
import dev.freshet.signaling.whip.SessionTimer;
import dev.freshet.signaling.whip.WhipSessions;
import dev.freshet.webrtc.dtls.DtlsCertificate;
import dev.freshet.webrtc.ice.IceCredentials;
import dev.freshet.webrtc.ice.IcePort;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.sdp.LocalParameters;
import dev.freshet.webrtc.sdp.OfferBuilder;
import dev.freshet.webrtc.sdp.SessionDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The storage sessions of every signaling channel, at most one per channel. {@link #join} is KVS
 * {@code JoinStorageSession}: it offers the master (through an {@link OfferSink}) to receive its
 * H.264 and Opus, into a stream claimed through the server's {@link PublishTargets}; the media side
 * is the WHIP publishers' ({@link WhipSessions}: same UDP port, certificate, slots, ingest, WHEP
 * viewers, silence limit, metrics).
 *
 * <p>A master calls {@code JoinStorageSession} again every few seconds until an offer reaches it
 * (the KVS SDKs' retry loop). So a join for a channel that has a session keeps that session (and
 * sends no second offer) while it awaits its answer for less than {@code answerTimeout} or is
 * receiving; a session older than that without an answer, or ended, is replaced by a new one. A
 * timer ends sessions whose answer did not come within {@code answerTimeout}, freeing their slot
 * and stream.
 *
 * <p>{@link #joinAsViewer} is KVS {@code JoinStorageSessionAsViewer}: a viewer of a channel whose
 * session is {@link StorageSession.State#RECEIVING receiving} is offered the master's live media
 * ({@link WhepSessions#offer}, a WHEP viewer that answers instead of offering), at most one per
 * client id: a new join of the same client replaces the old viewer. Unlike KVS, which lets a viewer
 * wait for the master, Freshet needs the master's session first. The same timer ends viewers
 * whose answer did not come within {@code answerTimeout}, and forgets the ended ones.
 *
 * <p>Thread-safe.
 */
public final class StorageSessions implements AutoCloseable {

    /**
     * A master answers within a second or two of an offer reaching it; it calls
     * {@code JoinStorageSession} again after ~6 s without one, and a second retry finds this overdue.
     */
    public static final Duration DEFAULT_ANSWER_TIMEOUT = Duration.ofSeconds(10);

    /** How often unanswered sessions are checked for their timeout. */
    private static final long SWEEP_MILLIS = 250;
    private static final Logger LOG = LoggerFactory.getLogger(StorageSessions.class);

    private final WhipSessions media;
    private final WhepSessions viewing;
    private final IcePort port;
    private final DtlsCertificate certificate;
    private final Candidates candidates;
    private final PublishTargets targets;
    private final long answerTimeoutMillis;
    private final InstantSource clock;
    private final Map<String, StorageSession> byChannel = new ConcurrentHashMap<>();
    /** Viewers by channel ARN, then client id; guarded by this. */
    private final Map<String, Map<String, StorageViewer>> viewers = new HashMap<>();
    private final LongAdder started = new LongAdder();
    private final ScheduledExecutorService timer = SessionTimer.daemon("freshet-storage-sessions");

    /**
     * @param media         the server's WHIP sessions, which receive the media once answered
     * @param viewing       the server's WHEP sessions, which send storage viewers the media
     * @param port          the server's WebRTC UDP port (the one {@code media} uses)
     * @param certificate   the server's DTLS certificate (the one {@code media} uses)
     * @param candidates    the host candidates offers carry
     * @param targets       resolves and claims a stream name, as for WHIP
     * @param answerTimeout how long an offer waits for the master's answer
     */
    public StorageSessions(WhipSessions media, WhepSessions viewing, IcePort port, DtlsCertificate certificate, Candidates candidates,
                           PublishTargets targets, Duration answerTimeout, InstantSource clock) {
        this.media = Objects.requireNonNull(media, "media");
        this.viewing = Objects.requireNonNull(viewing, "viewing");
        this.port = port;
        this.certificate = certificate;
        this.candidates = candidates;
        this.targets = targets;
        this.answerTimeoutMillis = answerTimeout.toMillis();
        this.clock = clock;
        timer.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Joins {@code channelArn} as the storage peer of its master: a new session's offer goes to
     * {@code sink} before this returns; a kept session (see the class comment) is returned as is.
     *
     * @param stream the video stream of the channel's media storage configuration
     * @throws dev.freshet.signaling.whip.WhipException when the stream is unknown or busy, or all
     *                                                  session slots are taken
     */
    public synchronized StorageSession join(String channelArn, String stream, OfferSink sink) {
        StorageSession existing = byChannel.get(channelArn);
        if (existing != null && keeps(existing)) {
            return existing;
        }
        if (existing != null) {
            // ends the old one first: it gives the stream back for the new session to claim
            existing.end(StorageSession.End.REPLACED);
        }
        StorageSession session = start(channelArn, stream);
        byChannel.put(channelArn, session);
        started.increment();
        LOG.atInfo().setMessage("storage session offering").addKeyValue("channel", channelArn)
            .addKeyValue("stream", session.stream()).addKeyValue("session", session.id()).log();
        sink.sendOffer(session.offer());
        return session;
    }

    /**
     * Joins viewer {@code clientId} to the channel's storage session: Freshet's offer to send it the
     * master's media goes to {@code sink} before this returns (when the sink throws, the viewer is
     * closed and the exception passes). A viewer the client joined before is closed first.
     *
     * @throws StorageException {@link StorageException.Reason#NOT_RECEIVING} when the channel has no
     *                          session receiving the master's media
     * @throws dev.freshet.signaling.whip.WhipException TOO_MANY_SESSIONS when all WHEP slots are taken
     */
    public synchronized StorageViewer joinAsViewer(String channelArn, String clientId, OfferSink sink) {
        closeViewer(channelArn, clientId);
        StorageSession session = session(channelArn).filter(s -> s.state() == StorageSession.State.RECEIVING)
            .orElseThrow(() -> new StorageException(StorageException.Reason.NOT_RECEIVING, "",
                "Channel " + channelArn + " has no storage session receiving its master's media: the master "
                    + "calls JoinStorageSession, and answers its offer, before viewers join."));
        StorageViewer viewer = new StorageViewer(channelArn, clientId, viewing.offer(session.stream()),
            clock.millis());
        viewers.computeIfAbsent(channelArn, arn -> new HashMap<>()).put(clientId, viewer);
        LOG.atInfo().setMessage("storage viewer offering").addKeyValue("channel", channelArn)
            .addKeyValue("client", clientId).addKeyValue("stream", viewer.stream())
            .addKeyValue("session", viewer.id()).log();
        try {
            sink.sendOffer(viewer.offer());
        } catch (RuntimeException e) {
            // the offer cannot reach the viewer (it left): nothing will answer
            closeViewer(channelArn, clientId);
            throw e;
        }
        return viewer;
    }

    /** The viewer {@code clientId} of the channel, if it joined and has not ended. */
    public synchronized Optional<StorageViewer> viewer(String channelArn, String clientId) {
        return Optional.ofNullable(viewers.getOrDefault(channelArn, Map.of()).get(clientId))
            .filter(StorageViewer::open);
    }

    /** Ends the viewer {@code clientId} of the channel, if any (it disconnected). */
    public synchronized void closeViewer(String channelArn, String clientId) {
        Map<String, StorageViewer> ofChannel = viewers.get(channelArn);
        StorageViewer viewer = ofChannel == null ? null : ofChannel.remove(clientId);
        if (viewer != null) {
            viewer.close();
        }
        if (ofChannel != null && ofChannel.isEmpty()) {
            viewers.remove(channelArn);
        }
    }

    /** Viewers awaiting their answer or watching. */
    public synchronized int activeViewers() {
        return (int) viewers.values().stream().flatMap(m -> m.values().stream()).filter(StorageViewer::open).count();
    }

    /** The channel's session, if it has one that has not ended. */
    public Optional<StorageSession> session(String channelArn) {
        return Optional.ofNullable(byChannel.get(channelArn)).filter(s -> s.state() != StorageSession.State.ENDED);
    }

    /** Sessions not ended: awaiting an answer or receiving. */
    public int active() {
        return (int) byChannel.values().stream().filter(s -> s.state() != StorageSession.State.ENDED).count();
    }

    /** Sessions started since the server started. */
    public long started() {
        return started.sum();
    }

    /** Ends every session and stops the timer. */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            viewers.values().forEach(m -> m.values().forEach(StorageViewer::close));
            viewers.clear();
        }
        byChannel.values().forEach(session -> session.end(StorageSession.End.SHUTDOWN));
    }

    private boolean keeps(StorageSession session) {
        return switch (session.state()) {
            case RECEIVING -> true;
            case AWAITING_ANSWER -> !answerOverdue(session, clock.millis());
            case ENDED -> false;
        };
    }

    private StorageSession start(String channelArn, String stream) {
        media.reserve();
        PublishTarget target;
        try {
            target = targets.claim(stream);
        } catch (RuntimeException e) {
            media.release();
            throw e;
        }
        IceSession ice = null;
        try {
            // controlling, as the offerer without ice-lite (see OfferBuilder)
            ice = IceSession.open(port, true);
            IceCredentials local = ice.localCredentials();
            SessionDescription offer = OfferBuilder.offer(LocalParameters.receiving(local.ufrag(), local.password(),
                Offers.sdpFingerprint(certificate), candidates.of(ice.localCandidates()), Offers.sessionVersion()));
            return new StorageSession(Offers.newId(), channelArn, target, ice, offer, media, clock.millis(),
                this::ended);
        } catch (RuntimeException e) {
            if (ice != null) {
                ice.close();
            }
            target.release().run();
            media.release();
            throw e;
        }
    }

    private void ended(StorageSession session) {
        byChannel.remove(session.channelArn(), session);
    }

    private void sweep() {
        long now = clock.millis();
        sweepViewers(now);
        for (StorageSession session : byChannel.values()) {
            try {
                sweep(session, now);
            } catch (RuntimeException e) {
                // one broken session must not stop the timer that serves all of them
                LOG.atWarn().setMessage("storage session sweep failed").addKeyValue("session", session.id())
                    .setCause(e).log();
            }
        }
    }

    private void sweep(StorageSession session, long now) {
        StorageSession.State state = session.state();
        if (state == StorageSession.State.AWAITING_ANSWER && answerOverdue(session, now)) {
            session.end(StorageSession.End.NO_ANSWER);
        } else if (state == StorageSession.State.ENDED && byChannel.remove(session.channelArn(), session)) {
            // the media side ended it: silence, ICE or DTLS failure
            LOG.atInfo().setMessage("storage session ended").addKeyValue("channel", session.channelArn())
                .addKeyValue("stream", session.stream()).addKeyValue("session", session.id())
                .addKeyValue("reason", "MEDIA_ENDED").log();
        }
    }

    /** Ends viewers whose answer is overdue, and forgets those whose media session ended. */
    private synchronized void sweepViewers(long now) {
        for (Map<String, StorageViewer> ofChannel : viewers.values()) {
            ofChannel.values().removeIf(viewer -> {
                if (!viewer.answered() && viewer.open() && now - viewer.createdMillis() > answerTimeoutMillis) {
                    LOG.atInfo().setMessage("storage viewer ended").addKeyValue("channel", viewer.channelArn())
                        .addKeyValue("client", viewer.clientId()).addKeyValue("session", viewer.id())
                        .addKeyValue("reason", "NO_ANSWER").log();
                    viewer.close();
                }
                return !viewer.open();
            });
        }
        viewers.values().removeIf(Map::isEmpty);
    }

    private boolean answerOverdue(StorageSession session, long nowMillis) {
        return nowMillis - session.createdMillis() > answerTimeoutMillis;
    }
}
