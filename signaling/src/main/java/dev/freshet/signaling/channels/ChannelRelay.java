package dev.freshet.signaling.channels;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Relays signaling messages between the members of SINGLE_MASTER channels, one instance per
 * server. Members of a channel: at most one master (a new master replaces the old one, which
 * gets GO_AWAY), viewers by client id (a new viewer with the same id replaces the old one), and
 * server-side members (storage sessions) joined while a master is connected. A channel takes at most
 * {@value #MAX_VIEWERS} viewers, as the service's quota. A server-side member may adopt a connected
 * viewer (KVS {@code JoinStorageSessionAsViewer}): from then on, until that viewer connection ends or
 * the member leaves, the viewer's messages go to the member instead of the master.
 *
 * <pre>
 *  viewer  ──send──▶ master                     (senderClientId = the viewer's id)
 *  adopted viewer ──send──▶ its member: ServerSideMember.fromViewer
 *  master  ──send(recipientClientId)──▶ viewer  (no senderClientId)
 *  master  ──send(no recipient)──▶ every server-side member: ServerSideMember.fromMaster
 *  server-side member ──MemberLink.toMaster──▶ master (no senderClientId)
 *  server-side member ──MemberLink.toViewer──▶ viewer (no senderClientId)
 * </pre>
 * Messages are delivered at once or refused (counted, and the sender told why); none is queued
 * for a client that is not connected. The relay reads no payload: it knows no JSON.
 *
 * <p>Thread-safe: membership changes under one lock; delivery runs after leaving it.
 */
public final class ChannelRelay {

    /** Viewers one channel takes at once (the service's quota). */
    public static final int MAX_VIEWERS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(ChannelRelay.class);

    private final Map<String, ChannelMembers> channels = new HashMap<>();
    private final LongAdder relayed = new LongAdder();
    private final Map<RefusalReason, LongAdder> refused = new EnumMap<>(RefusalReason.class);
    private boolean stopped;

    public ChannelRelay() {
        for (RefusalReason reason : RefusalReason.values()) {
            refused.put(reason, new LongAdder());
        }
    }

    /** Who is connected to one channel. Guarded by the relay's lock. */
    private static final class ChannelMembers {
        RelayConnection master;
        final Map<String, RelayConnection> viewers = new HashMap<>();
        final List<ServerSideLink> serverSide = new ArrayList<>();
        /** The member that adopted each viewer, by client id; only connected viewers and joined members. */
        final Map<String, ServerSideLink> adopted = new HashMap<>();

        boolean isEmpty() {
            return master == null && viewers.isEmpty() && serverSide.isEmpty();
        }
    }

    /** Connects the channel's master; a master already connected gets GO_AWAY. */
    public RelayConnection connectMaster(String channelArn, SignalingPeer peer) {
        RelayConnection connection = new RelayConnection(this, channelArn, null, peer);
        RelayConnection replaced;
        List<ServerSideLink> orphans;
        synchronized (this) {
            refuseWhenStopped();
            ChannelMembers members = channels.computeIfAbsent(channelArn, arn -> new ChannelMembers());
            replaced = members.master;
            members.master = connection;
            orphans = takeServerSide(members);
        }
        endReplaced(replaced, orphans);
        LOG.atDebug().setMessage("signaling master connected").addKeyValue("channel", channelArn).log();
        return connection;
    }

    /**
     * Connects a viewer; a viewer already connected with the same client id gets GO_AWAY.
     *
     * @throws VideoException ClientLimitExceededException when the channel has {@value #MAX_VIEWERS}
     *                        other viewers
     */
    public RelayConnection connectViewer(String channelArn, String clientId, SignalingPeer peer) {
        RelayConnection connection = new RelayConnection(this, channelArn, clientId, peer);
        RelayConnection replaced;
        ServerSideLink adopter;
        synchronized (this) {
            refuseWhenStopped();
            checkViewerRoom(channelArn, clientId);
            ChannelMembers members = channels.computeIfAbsent(channelArn, arn -> new ChannelMembers());
            replaced = members.viewers.put(clientId, connection);
            // the adoption was the old connection's; the new one talks to the master until adopted again
            adopter = members.adopted.remove(clientId);
        }
        endReplaced(replaced, List.of());
        if (adopter != null) {
            adopter.member().viewerLeft(clientId);
        }
        LOG.atDebug().setMessage("signaling viewer connected").addKeyValue("channel", channelArn)
            .addKeyValue("client", clientId).log();
        return connection;
    }

    /**
     * Joins a server-side member (a storage session) to the channel's current master: it gets what
     * the master sends without a recipient, until it leaves or the master does.
     *
     * @return the member's link to the master; empty when no master is connected
     */
    public Optional<MemberLink> joinServerSide(String channelArn, ServerSideMember member) {
        synchronized (this) {
            ChannelMembers members = channels.get(channelArn);
            if (members == null || members.master == null) {
                return Optional.empty();
            }
            ServerSideLink link = new ServerSideLink(this, channelArn, member);
            members.serverSide.add(link);
            return Optional.of(link);
        }
    }

    /**
     * {@code link}'s member adopts the connected viewer {@code clientId}: the viewer's messages go to
     * {@link ServerSideMember#fromViewer} from now on (instead of the master), until the viewer's
     * connection ends ({@link ServerSideMember#viewerLeft}) or the member leaves. A member that
     * adopted the viewer before loses it (it hears viewerLeft).
     *
     * @return false when no viewer {@code clientId} is connected or the member has left
     */
    boolean adoptViewer(ServerSideLink link, String clientId) {
        ServerSideLink previous;
        synchronized (this) {
            ChannelMembers channel = channels.get(link.channelArn());
            if (channel == null || !channel.serverSide.contains(link) || !channel.viewers.containsKey(clientId)) {
                return false;
            }
            previous = channel.adopted.put(clientId, link);
        }
        if (previous != null && previous != link) {
            previous.member().viewerLeft(clientId);
        }
        return true;
    }

    /**
     * ClientLimitExceededException unless viewer {@code clientId} may connect now (a viewer that
     * replaces one with its id always may); checked before a WebSocket upgrade, and again on connect.
     */
    public synchronized void checkViewerRoom(String channelArn, String clientId) {
        ChannelMembers members = channels.get(channelArn);
        if (members != null && members.viewers.size() >= MAX_VIEWERS && !members.viewers.containsKey(clientId)) {
            throw VideoErrorType.CLIENT_LIMIT_EXCEEDED.exception(
                "The channel already has %d viewers, the most it takes.", MAX_VIEWERS);
        }
    }

    public synchronized boolean viewerConnected(String channelArn, String clientId) {
        ChannelMembers members = channels.get(channelArn);
        return members != null && members.viewers.containsKey(clientId);
    }

    public synchronized boolean masterConnected(String channelArn) {
        ChannelMembers members = channels.get(channelArn);
        return members != null && members.master != null;
    }

    /** Counts a message refused before it reached the relay (the web layer's parse failures). */
    public void refused(RefusalReason reason) {
        refused.get(reason).increment();
    }

    public RelayTotals totals() {
        int masters = 0;
        int viewers = 0;
        synchronized (this) {
            for (ChannelMembers members : channels.values()) {
                masters += members.master == null ? 0 : 1;
                viewers += members.viewers.size();
            }
        }
        Map<RefusalReason, Long> counts = new EnumMap<>(RefusalReason.class);
        refused.forEach((reason, count) -> counts.put(reason, count.sum()));
        return new RelayTotals(masters, viewers, relayed.sum(), counts);
    }

    /** The channel is gone: every member leaves, clients with GO_AWAY. */
    void channelDeleted(String channelArn) {
        ChannelMembers members;
        synchronized (this) {
            members = channels.remove(channelArn);
        }
        if (members != null) {
            dismiss(members);
        }
    }

    /** The server is stopping: every client gets GO_AWAY; later connections are turned away too. */
    public void shutdown() {
        List<ChannelMembers> all;
        synchronized (this) {
            stopped = true;
            all = List.copyOf(channels.values());
            channels.clear();
        }
        all.forEach(ChannelRelay::dismiss);
    }

    /** Routes one message of {@code from}; empty when delivered, else why not. */
    Optional<RefusalReason> send(RelayConnection from, String action, String recipientClientId, String payload) {
        RelayConnection target;
        List<ServerSideLink> members = List.of();
        ServerSideLink adopter = null;
        synchronized (this) {
            ChannelMembers channel = channels.get(from.channelArn());
            if (channel == null || !isCurrent(channel, from)) {
                return refuse(RefusalReason.NOT_CONNECTED);
            }
            if (from.isViewer()) {
                adopter = channel.adopted.get(from.clientId());
                target = adopter == null ? channel.master : null;
            } else if (recipientClientId != null) {
                target = channel.viewers.get(recipientClientId);
            } else {
                target = null;
                members = List.copyOf(channel.serverSide);
            }
        }
        if (adopter != null) {
            adopter.member().fromViewer(from.clientId(), action, payload);
            relayed.increment();
            return Optional.empty();
        }
        if (target != null) {
            target.peer().deliver(from.clientId(), action, payload);
            relayed.increment();
            return Optional.empty();
        }
        if (!members.isEmpty()) {
            members.forEach(link -> link.member().fromMaster(action, payload));
            relayed.increment();
            return Optional.empty();
        }
        return refuse(from.isViewer() ? RefusalReason.MASTER_NOT_CONNECTED
            : recipientClientId != null ? RefusalReason.RECIPIENT_NOT_CONNECTED : RefusalReason.NO_SERVER_SIDE_MEMBER);
    }

    /** Delivers a server-side member's message to the master it joined, if that master is still on. */
    void sendFromServerSide(ServerSideLink link, String action, String payload) {
        RelayConnection master;
        synchronized (this) {
            ChannelMembers channel = channels.get(link.channelArn());
            master = channel != null && channel.serverSide.contains(link) ? channel.master : null;
        }
        if (master == null) {
            refuse(RefusalReason.MASTER_NOT_CONNECTED);
            return;
        }
        master.peer().deliver(null, action, payload);
        relayed.increment();
    }

    /**
     * Delivers a server-side member's message to viewer {@code clientId}, with no sender, as the
     * master's would be; false (counted) when the member has left or the viewer is not connected.
     */
    boolean sendToViewer(ServerSideLink link, String clientId, String action, String payload) {
        RelayConnection viewer;
        synchronized (this) {
            ChannelMembers channel = channels.get(link.channelArn());
            viewer = channel != null && channel.serverSide.contains(link) ? channel.viewers.get(clientId) : null;
        }
        if (viewer == null) {
            refuse(RefusalReason.RECIPIENT_NOT_CONNECTED);
            return false;
        }
        viewer.peer().deliver(null, action, payload);
        relayed.increment();
        return true;
    }

    /** {@code connection} closed: it leaves its channel (a master takes its server-side members along). */
    void leave(RelayConnection connection) {
        List<ServerSideLink> orphans = List.of();
        ServerSideLink adopter = null;
        synchronized (this) {
            ChannelMembers channel = channels.get(connection.channelArn());
            if (channel == null || !isCurrent(channel, connection)) {
                return;
            }
            if (connection.isViewer()) {
                channel.viewers.remove(connection.clientId());
                adopter = channel.adopted.remove(connection.clientId());
            } else {
                channel.master = null;
                orphans = takeServerSide(channel);
            }
            dropIfEmpty(connection.channelArn(), channel);
        }
        LOG.atDebug().setMessage("signaling client left").addKeyValue("channel", connection.channelArn())
            .addKeyValue("client", connection.isViewer() ? connection.clientId() : "master").log();
        orphans.forEach(link -> link.member().masterLeft());
        if (adopter != null) {
            adopter.member().viewerLeft(connection.clientId());
        }
    }

    synchronized void leave(ServerSideLink link) {
        ChannelMembers channel = channels.get(link.channelArn());
        if (channel != null && channel.serverSide.remove(link)) {
            channel.adopted.values().removeIf(adopter -> adopter == link);
            dropIfEmpty(link.channelArn(), channel);
        }
    }

    private Optional<RefusalReason> refuse(RefusalReason reason) {
        refused(reason);
        return Optional.of(reason);
    }

    private static boolean isCurrent(ChannelMembers channel, RelayConnection connection) {
        return connection.isViewer() ? channel.viewers.get(connection.clientId()) == connection
            : channel.master == connection;
    }

    private void refuseWhenStopped() {
        if (stopped) {
            throw new IllegalStateException("the signaling relay is stopped");
        }
    }

    private void dropIfEmpty(String channelArn, ChannelMembers channel) {
        if (channel.isEmpty()) {
            channels.remove(channelArn);
        }
    }

    private static List<ServerSideLink> takeServerSide(ChannelMembers members) {
        List<ServerSideLink> taken = List.copyOf(members.serverSide);
        members.serverSide.clear();
        // adopted viewers talk to the (next) master again
        members.adopted.clear();
        return taken;
    }

    private static void endReplaced(RelayConnection replaced, List<ServerSideLink> orphans) {
        if (replaced != null) {
            replaced.peer().goAway();
        }
        orphans.forEach(link -> link.member().masterLeft());
    }

    private static void dismiss(ChannelMembers members) {
        if (members.master != null) {
            members.master.peer().goAway();
        }
        members.viewers.values().forEach(viewer -> viewer.peer().goAway());
        members.serverSide.forEach(link -> link.member().masterLeft());
    }
}
