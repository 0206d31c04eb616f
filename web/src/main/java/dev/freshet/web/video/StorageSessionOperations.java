package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.fragments.video.VideoStreamRef;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.signaling.channels.ChannelRef;
import dev.freshet.signaling.channels.MediaStorage;
import dev.freshet.signaling.channels.MemberLink;
import dev.freshet.signaling.channels.SignalingChannels;
import dev.freshet.signaling.storage.StorageException;
import dev.freshet.signaling.storage.StorageSessions;
import dev.freshet.signaling.whip.WhipException;
import dev.freshet.web.server.PathRoute;
import dev.freshet.web.signaling.PeerPayloads;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The WebRTC storage API ({@code kinesis-video-webrtc-storage} model) on the WEBRTC endpoint.
 * JoinStorageSession ({@code POST /joinStorageSession {"channelArn"}}): the channel's master must be
 * connected and its media storage configuration ENABLED; Freshet joins the channel as a server-side
 * member ({@link StorageMember}) and its storage session sends the master an SDP_OFFER with no
 * sender; the master's answer and candidates come back the same way. The call answers 200 once the
 * offer is on its way, or at once when the channel's session is kept (the KVS SDKs call again every
 * few seconds until they see an offer). JoinStorageSessionAsViewer ({@code {"channelArn", "clientId"}}):
 * the viewer connected with that client id is adopted by the channel's member (its messages go to
 * the storage session, not the master) and sent an SDP_OFFER with no sender that carries the
 * master's live media, as a WHEP viewer gets it; its answer and candidates come back the same way.
 *
 * <p>Errors: unknown channel or stream ResourceNotFoundException, as is a viewer's join before the
 * channel's storage session receives (KVS would let the viewer wait for the master; Freshet does
 * not); storage not enabled, no master connected, no viewer with that client id connected
 * InvalidArgumentException; stream written by another producer ResourceInUseException; every
 * WebRTC session slot taken ClientLimitExceededException.
 *
 * <p>Thread-safe.
 */
final class StorageSessionOperations implements AutoCloseable {

    /** Request-metric label of the storage routes. */
    static final String SERVICE = "kinesisvideowebrtcstorage";

    private final SignalingChannels channels;
    private final VideoStreams streams;
    private final StorageSessions sessions;
    /** The server-side member of each channel a storage session joined, while its master is connected. */
    private final Map<String, StorageMember> members = new HashMap<>();

    StorageSessionOperations(SignalingChannels channels, VideoStreams streams, StorageSessions sessions) {
        this.channels = channels;
        this.streams = streams;
        this.sessions = sessions;
    }

    List<PathRoute> routes() {
        return new RestJsonRoutes(SERVICE)
            .add("JoinStorageSession", "/joinStorageSession", ChannelInputs.JOIN_STORAGE_SESSION, this::join)
            .add("JoinStorageSessionAsViewer", "/joinStorageSessionAsViewer",
                ChannelInputs.JOIN_STORAGE_SESSION_AS_VIEWER, this::joinAsViewer)
            .routes();
    }

    private void join(RestJsonCall call, dev.freshet.web.protocol.OutputWriter out) {
        String arn = call.string("channelArn");
        ChannelRef channel = ChannelRef.byArn(arn);
        channels.lifecycle().describe(channel);
        MediaStorage storage = channels.mediaStorage().describe(channel);
        if (!storage.enabled() || storage.streamArn() == null) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("Media storage is not enabled for channel " + arn
                + ": call UpdateMediaStorageConfiguration with a StreamARN and Status ENABLED first.");
        }
        String stream = streams.resolve(VideoStreamRef.byArn(storage.streamArn())).name();
        MemberLink link = member(arn).link();
        try {
            sessions.join(arn, stream, sdp -> link.toMaster("SDP_OFFER", PeerPayloads.offer(sdp)));
        } catch (WhipException e) {
            throw refused(e);
        }
    }

    private void joinAsViewer(RestJsonCall call, dev.freshet.web.protocol.OutputWriter out) {
        String arn = call.string("channelArn");
        String clientId = call.string("clientId");
        channels.lifecycle().describe(ChannelRef.byArn(arn));
        StorageMember member = joined(arn);
        if (member == null) {
            throw notReceiving(arn);
        }
        if (!channels.relay().viewerConnected(arn, clientId)) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("No viewer with client id %s is connected to channel %s: "
                + "connect to its signaling channel as a VIEWER with that client id first.", clientId, arn);
        }
        MemberLink link = member.link();
        try {
            sessions.joinAsViewer(arn, clientId, sdp -> {
                // adopted before the offer goes, so that the viewer's answer comes to the member
                if (!link.adoptViewer(clientId) || !link.toViewer(clientId, "SDP_OFFER", PeerPayloads.offer(sdp))) {
                    throw VideoErrorType.INVALID_ARGUMENT.exception("Viewer %s left channel %s.", clientId, arn);
                }
            });
        } catch (StorageException e) {
            throw notReceiving(arn);
        } catch (WhipException e) {
            throw refused(e);
        }
    }

    private synchronized StorageMember joined(String channelArn) {
        return members.get(channelArn);
    }

    private static VideoException notReceiving(String channelArn) {
        return VideoErrorType.RESOURCE_NOT_FOUND.exception("Channel %s has no storage session receiving its master's "
            + "media: in Freshet the master calls JoinStorageSession, and answers its offer, before viewers call "
            + "JoinStorageSessionAsViewer.", channelArn);
    }

    /** The channel's member, joining the relay when it has none; the master must be connected. */
    private synchronized StorageMember member(String channelArn) {
        StorageMember member = members.get(channelArn);
        if (member != null) {
            return member;
        }
        StorageMember joining = new StorageMember(channelArn, sessions, this::left);
        MemberLink link = channels.relay().joinServerSide(channelArn, joining)
            .orElseThrow(() -> VideoErrorType.INVALID_ARGUMENT.exception("No master is connected to channel "
                + channelArn + ": the master connects to the signaling channel before it calls JoinStorageSession."));
        joining.linked(link);
        members.put(channelArn, joining);
        return joining;
    }

    private synchronized void left(StorageMember member) {
        members.remove(member.channelArn(), member);
    }

    /** Stops the members' threads; the sessions themselves close with {@link StorageSessions}. */
    @Override
    public synchronized void close() {
        members.values().forEach(StorageMember::stop);
        members.clear();
    }

    private static VideoException refused(WhipException e) {
        VideoErrorType type = switch (e.reason()) {
            case STREAM_NOT_FOUND -> VideoErrorType.RESOURCE_NOT_FOUND;
            case STREAM_BUSY -> VideoErrorType.RESOURCE_IN_USE;
            case TOO_MANY_SESSIONS -> VideoErrorType.CLIENT_LIMIT_EXCEEDED;
            default -> VideoErrorType.INVALID_ARGUMENT;
        };
        return type.exception("%s", e.getMessage());
    }
}
