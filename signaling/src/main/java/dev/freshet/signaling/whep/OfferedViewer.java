package dev.freshet.signaling.whep;

import dev.freshet.signaling.whip.LivePublisher;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.sdp.AnswerReader;
import dev.freshet.webrtc.sdp.AnswerResult;
import dev.freshet.webrtc.sdp.SessionDescription;

/**
 * A viewer Freshet offers to, rather than answers (KVS {@code JoinStorageSessionAsViewer}), from
 * {@link WhepSessions#offer}: it holds a session slot and a controlling ICE session until the
 * viewer's {@link #answer} turns it into a WHEP session (same forwarding, feedback, silence limit
 * and metrics as a viewer that offered), or {@link #close} gives both back.
 *
 * <p>Thread-safe.
 */
public final class OfferedViewer {

    private enum State { AWAITING_ANSWER, ANSWERED, CLOSED }

    private final String id;
    private final LivePublisher publisher;
    private final IceSession ice;
    private final SessionDescription offer;
    private final WhepSessions sessions;
    private State state = State.AWAITING_ANSWER;

    OfferedViewer(String id, LivePublisher publisher, IceSession ice, SessionDescription offer,
                  WhepSessions sessions) {
        this.id = id;
        this.publisher = publisher;
        this.ice = ice;
        this.offer = offer;
        this.sessions = sessions;
    }

    /** 32 lower-case hex digits; the WHEP session's id once answered. */
    public String id() {
        return id;
    }

    /** The stream whose publisher the viewer is offered. */
    public String stream() {
        return publisher.stream();
    }

    /** The offer for the viewer, CRLF line ends. */
    public String offer() {
        return offer.format();
    }

    /**
     * The viewer's answer: ICE checks start and the session connects in the background.
     *
     * @throws dev.freshet.webrtc.MalformedInputException when the answer does not parse or cannot be
     *                                                    used; the viewer is closed
     * @throws IllegalStateException                      when it was answered or closed already
     */
    public void answer(String answerSdp) {
        AnswerResult answer;
        synchronized (this) {
            if (state != State.AWAITING_ANSWER) {
                throw new IllegalStateException("viewer " + id + " is " + state + ", not awaiting an answer");
            }
            try {
                answer = AnswerReader.read(offer, SessionDescription.parse(answerSdp));
            } catch (RuntimeException e) {
                closeUnanswered();
                throw e;
            }
            state = State.ANSWERED;
        }
        sessions.accept(id, publisher, ice, answer);
    }

    /** Awaiting its answer, or answered with its WHEP session still on. */
    public synchronized boolean open() {
        return state == State.AWAITING_ANSWER || state == State.ANSWERED && sessions.open(id);
    }

    /** Ends the viewer: its WHEP session if answered, else what the offer holds. Idempotent. */
    public void close() {
        synchronized (this) {
            if (state != State.ANSWERED) {
                closeUnanswered();
                return;
            }
            state = State.CLOSED;
        }
        sessions.end(publisher.stream(), id);
    }

    /** Called with the lock held. */
    private void closeUnanswered() {
        if (state == State.AWAITING_ANSWER) {
            state = State.CLOSED;
            ice.close();
            sessions.unanswered();
        }
    }
}
