package dev.freshet.signaling.storage;

import dev.freshet.signaling.whep.OfferedViewer;
import dev.freshet.webrtc.MalformedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One viewer of a storage session (KVS {@code JoinStorageSessionAsViewer}), from Freshet's offer to
 * its end: it {@link #answer answers} the sendonly offer, and from then on it is a WHEP viewer of the
 * master's media ({@link OfferedViewer}), counted with the stream's WHEP viewers. Its trickled
 * candidates are counted, not used, as the master's are ({@link TrickledCandidates}).
 *
 * <p>Thread-safe.
 */
public final class StorageViewer implements SignaledSession {

    private static final Logger LOG = LoggerFactory.getLogger(StorageViewer.class);

    private final String channelArn;
    private final String clientId;
    private final OfferedViewer media;
    private final long createdMillis;
    private final TrickledCandidates candidates;
    private volatile boolean answered;

    StorageViewer(String channelArn, String clientId, OfferedViewer media, long createdMillis) {
        this.channelArn = channelArn;
        this.clientId = clientId;
        this.media = media;
        this.createdMillis = createdMillis;
        this.candidates = new TrickledCandidates(channelArn, media.id());
    }

    /** The media session's id (32 hex digits), as in logs and metrics. */
    @Override
    public String id() {
        return media.id();
    }

    public String clientId() {
        return clientId;
    }

    /** The stream the viewer watches. */
    public String stream() {
        return media.stream();
    }

    /** The offer sent to the viewer, CRLF line ends. */
    public String offer() {
        return media.offer();
    }

    /**
     * The viewer's answer: the media session connects in the background.
     *
     * @throws StorageException {@link StorageException.Reason#BAD_ANSWER} (the viewer has ended) or
     *                          {@link StorageException.Reason#NOT_AWAITING_ANSWER}
     */
    @Override
    public void answer(String answerSdp) {
        try {
            media.answer(answerSdp);
        } catch (MalformedInputException e) {
            throw new StorageException(StorageException.Reason.BAD_ANSWER, e.reason().id(), e.getMessage());
        } catch (IllegalStateException e) {
            throw new StorageException(StorageException.Reason.NOT_AWAITING_ANSWER, "", e.getMessage());
        }
        answered = true;
        LOG.atInfo().setMessage("storage viewer answered").addKeyValue("channel", channelArn)
            .addKeyValue("client", clientId).addKeyValue("session", media.id()).log();
    }

    /** A candidate the viewer trickled: counted, not used. @return whether it parsed */
    @Override
    public boolean candidate(String candidateLine, String mid) {
        return candidates.add(candidateLine, mid);
    }

    /** Candidates the viewer trickled that parsed. */
    public long candidatesReceived() {
        return candidates.parsed();
    }

    /** Awaiting its answer, or watching. */
    public boolean open() {
        return media.open();
    }

    /** Ends the viewer (it left, a new join replaced it, its storage session ended). Idempotent. */
    public void close() {
        media.close();
    }

    boolean answered() {
        return answered;
    }

    String channelArn() {
        return channelArn;
    }

    long createdMillis() {
        return createdMillis;
    }
}
