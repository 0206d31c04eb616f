package dev.freshet.signaling.storage;

/**
 * What a storage session's peer (the master, or a viewer) signals to it: its answer to Freshet's
 * offer and its trickled candidates. {@link StorageSession} and {@link StorageViewer} take them
 * alike, so the web layer routes both peers' messages the same way.
 *
 * <p>Implementations are thread-safe.
 */
public interface SignaledSession {

    /** The media session's id, for logs. */
    String id();

    /**
     * The peer's answer.
     *
     * @throws StorageException BAD_ANSWER (the session has ended) or NOT_AWAITING_ANSWER
     */
    void answer(String answerSdp);

    /** A trickled candidate ({@code candidate:...}) for section {@code mid}. @return whether it parsed */
    boolean candidate(String candidateLine, String mid);
}
