package dev.freshet.web.video;

import dev.freshet.signaling.channels.MemberLink;
import dev.freshet.signaling.channels.ServerSideMember;
import dev.freshet.signaling.storage.StorageException;
import dev.freshet.signaling.storage.StorageSession;
import dev.freshet.signaling.storage.StorageSessions;
import dev.freshet.signaling.storage.SignaledSession;
import dev.freshet.web.signaling.PeerPayloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * A channel's storage sessions as a server-side member of its signaling relay: the master's
 * SDP_ANSWER and ICE_CANDIDATE messages (sent with no recipient) go to the channel's current
 * {@link StorageSession}, decoded from their payloads ({@link PeerPayloads}); when the master leaves,
 * the session ends. Viewers it adopted (JoinStorageSessionAsViewer) are served alike: their
 * SDP_ANSWER and ICE_CANDIDATE go to their {@link dev.freshet.signaling.storage.StorageViewer}, which ends when they disconnect.
 * The relay calls on the master's (or viewer's) I/O thread, so the work runs on the member's
 * own thread, in the order the master sent. A message the session cannot use is logged and dropped:
 * the master gets no STATUS_RESPONSE for it, as from a peer.
 *
 * <p>Thread-safe.
 */
final class StorageMember implements ServerSideMember {

    private static final Logger LOG = LoggerFactory.getLogger(StorageMember.class);

    private final String channelArn;
    private final StorageSessions sessions;
    private final Consumer<StorageMember> onLeft;
    private final ExecutorService signals;
    private volatile MemberLink link;

    StorageMember(String channelArn, StorageSessions sessions, Consumer<StorageMember> onLeft) {
        this.channelArn = channelArn;
        this.sessions = sessions;
        this.onLeft = onLeft;
        this.signals = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "freshet-storage-member");
            thread.setDaemon(true);
            return thread;
        });
    }

    String channelArn() {
        return channelArn;
    }

    void linked(MemberLink link) {
        this.link = link;
    }

    MemberLink link() {
        return link;
    }

    @Override
    public void fromMaster(String action, String messagePayloadBase64) {
        run(() -> deliver(action, messagePayloadBase64));
    }

    @Override
    public void fromViewer(String clientId, String action, String messagePayloadBase64) {
        run(() -> deliverFromViewer(clientId, action, messagePayloadBase64));
    }

    @Override
    public void viewerLeft(String clientId) {
        run(() -> sessions.closeViewer(channelArn, clientId));
    }

    @Override
    public void masterLeft() {
        onLeft.accept(this);
        run(() -> session().ifPresent(StorageSession::close));
        signals.shutdown();
    }

    /**
     * Queues {@code work} on the member's thread. A viewer's message or departure may race the
     * master's: once the master has left (or the server stops) the member takes nothing more.
     */
    private void run(Runnable work) {
        try {
            signals.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.atDebug().setMessage("storage member has left: signaling message dropped")
                .addKeyValue("channel", channelArn).log();
        }
    }

    /** The server is stopping: messages still queued are dropped. */
    void stop() {
        signals.shutdownNow();
    }

    private void deliver(String action, String payload) {
        deliver(session(), "master", action, payload);
    }

    private void deliverFromViewer(String clientId, String action, String payload) {
        deliver(sessions.viewer(channelArn, clientId), clientId, action, payload);
    }

    /** {@code from}'s message to its session: the master's to the storage session, a viewer's to its own. */
    private void deliver(Optional<? extends SignaledSession> session, String from, String action, String payload) {
        if (session.isEmpty()) {
            LOG.atDebug().setMessage("signaling message without a storage session").addKeyValue("channel", channelArn)
                .addKeyValue("from", from).addKeyValue("action", action).log();
            return;
        }
        try {
            switch (action) {
                case "SDP_ANSWER" -> session.get().answer(PeerPayloads.answer(payload));
                case "ICE_CANDIDATE" -> {
                    PeerPayloads.IceCandidate candidate = PeerPayloads.candidate(payload);
                    session.get().candidate(candidate.candidate(), candidate.sdpMid());
                }
                default -> LOG.atDebug().setMessage("signaling message a storage session does not take")
                    .addKeyValue("channel", channelArn).addKeyValue("from", from).addKeyValue("action", action).log();
            }
        } catch (IllegalArgumentException | StorageException e) {
            LOG.atWarn().setMessage("storage session refused a message").addKeyValue("channel", channelArn)
                .addKeyValue("from", from).addKeyValue("session", session.get().id()).addKeyValue("action", action)
                .addKeyValue("reason", e.getMessage()).log();
        }
    }

    private Optional<StorageSession> session() {
        return sessions.session(channelArn);
    }
}
