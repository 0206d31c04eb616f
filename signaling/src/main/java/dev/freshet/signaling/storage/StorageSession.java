package dev.freshet.signaling.storage;

import dev.freshet.signaling.whip.PublishTarget;
import dev.freshet.signaling.whip.WhipSessions;
import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.ice.IceCredentials;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.sdp.AnswerReader;
import dev.freshet.webrtc.sdp.AnswerResult;
import dev.freshet.webrtc.sdp.SessionDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Consumer;

/**
 * One storage session of a signaling channel, from Freshet's offer to its end. While it
 * {@link State#AWAITING_ANSWER awaits the answer} it holds a session slot, the claimed stream and an
 * ICE session (whose credentials and candidate the offer carries). The master's {@link #answer}
 * hands all three to {@link WhipSessions#receive}, which receives the media as it does a WHIP
 * publisher's; from then on the session is {@link State#RECEIVING} until that media session ends
 * (silence, ICE or DTLS failure, {@link #close}). An unusable answer, an answer that never comes
 * ({@link StorageSessions} times it out) or {@link #close} before the answer give everything back.
 *
 * <p>Trickled candidates of the master are parsed and counted, not used ({@link TrickledCandidates}):
 * Freshet, the controlling agent, nominates a pair the master's own checks opened.
 *
 * <p>Thread-safe.
 */
public final class StorageSession implements SignaledSession {

    /** Where a session is in its life. */
    public enum State { AWAITING_ANSWER, RECEIVING, ENDED }

    /** Why a session ended before the media side took it over, as logged. */
    enum End { BAD_ANSWER, NO_ANSWER, REPLACED, CLOSED, SHUTDOWN }

    private static final Logger LOG = LoggerFactory.getLogger(StorageSession.class);
    static final String KIND = "storage";

    private final String id;
    private final String channelArn;
    private final PublishTarget target;
    private final IceSession ice;
    private final SessionDescription offer;
    private final WhipSessions media;
    private final long createdMillis;
    private final Consumer<StorageSession> onEnd;
    private final TrickledCandidates candidates;
    private State state = State.AWAITING_ANSWER;

    StorageSession(String id, String channelArn, PublishTarget target, IceSession ice, SessionDescription offer,
                   WhipSessions media, long createdMillis, Consumer<StorageSession> onEnd) {
        this.id = id;
        this.channelArn = channelArn;
        this.target = target;
        this.ice = ice;
        this.offer = offer;
        this.media = media;
        this.createdMillis = createdMillis;
        this.onEnd = onEnd;
        this.candidates = new TrickledCandidates(channelArn, id);
    }

    /** 32 lower-case hex digits; also the id of the media session in logs and metrics. */
    @Override
    public String id() {
        return id;
    }

    public String channelArn() {
        return channelArn;
    }

    /** The video stream the media goes to. */
    public String stream() {
        return target.stream();
    }

    /** The offer sent to the master, CRLF line ends. */
    public String offer() {
        return offer.format();
    }

    public synchronized State state() {
        if (state == State.RECEIVING && !media.live(id)) {
            state = State.ENDED;
        }
        return state;
    }

    /**
     * The master's answer: negotiation completes and the media session starts (ICE, DTLS, SRTP, frames
     * into the stream), connecting in the background.
     *
     * @throws StorageException {@link StorageException.Reason#BAD_ANSWER} (the session has ended) or
     *                          {@link StorageException.Reason#NOT_AWAITING_ANSWER}
     */
    @Override
    public void answer(String answerSdp) {
        AnswerResult negotiated;
        synchronized (this) {
            if (state != State.AWAITING_ANSWER) {
                throw new StorageException(StorageException.Reason.NOT_AWAITING_ANSWER, "",
                    "Storage session " + id + " is " + state + ", not awaiting an answer.");
            }
            try {
                negotiated = AnswerReader.read(offer, SessionDescription.parse(answerSdp));
            } catch (MalformedInputException e) {
                endUnanswered(End.BAD_ANSWER);
                throw new StorageException(StorageException.Reason.BAD_ANSWER, e.reason().id(), e.getMessage());
            }
            // the master's checks reveal its address (peer-reflexive); its candidates are not used
            ice.start(new IceCredentials(negotiated.remoteIceUfrag(), negotiated.remoteIcePwd()), List.of());
            media.receive(id, KIND, target, ice, negotiated);
            state = State.RECEIVING;
        }
        LOG.atInfo().setMessage("storage session answered").addKeyValue("channel", channelArn)
            .addKeyValue("stream", target.stream()).addKeyValue("session", id)
            .addKeyValue("freshetDtlsServer", negotiated.dtlsServer()).log();
    }

    /**
     * A candidate the master trickled ({@code candidate:...}, as in RTCIceCandidate), for the section
     * {@code mid}: counted, not used (see the class comment). A malformed one is counted apart.
     *
     * @return whether it parsed
     */
    @Override
    public boolean candidate(String candidateLine, String mid) {
        return candidates.add(candidateLine, mid);
    }

    /** Candidates the master trickled that parsed. */
    public long candidatesReceived() {
        return candidates.parsed();
    }

    /** Candidates the master trickled that did not parse. */
    public long candidatesMalformed() {
        return candidates.malformed();
    }

    /** Ends the session (the master left, or the channel's storage was turned off); later calls do nothing. */
    public void close() {
        end(End.CLOSED);
    }

    long createdMillis() {
        return createdMillis;
    }

    /** Ends the session for {@code reason}, whichever state it is in. */
    void end(End reason) {
        boolean receiving;
        synchronized (this) {
            receiving = state == State.RECEIVING;
            if (!receiving) {
                endUnanswered(reason);
                return;
            }
            state = State.ENDED;
        }
        // the media session gives back slot, stream and ICE, and logs its counts
        media.end(target.stream(), id);
        onEnd.accept(this);
        LOG.atInfo().setMessage("storage session ended").addKeyValue("channel", channelArn)
            .addKeyValue("stream", target.stream()).addKeyValue("session", id).addKeyValue("reason", reason).log();
    }

    /** Before the answer: gives back what the session holds. Called with the lock held. */
    private void endUnanswered(End reason) {
        if (state != State.AWAITING_ANSWER) {
            return;
        }
        state = State.ENDED;
        ice.close();
        target.release().run();
        media.release();
        onEnd.accept(this);
        LOG.atInfo().setMessage("storage session ended").addKeyValue("channel", channelArn)
            .addKeyValue("stream", target.stream()).addKeyValue("session", id).addKeyValue("reason", reason)
            .addKeyValue("candidates", candidates.parsed()).log();
    }
}
