package dev.freshet.web.video;

import dev.freshet.fragments.video.VideoErrorType;
import dev.freshet.fragments.video.VideoException;
import dev.freshet.fragments.video.VideoStreamRef;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.signaling.channels.ChannelRef;
import dev.freshet.signaling.channels.MediaStorage;
import dev.freshet.signaling.channels.MemberLink;
import dev.freshet.signaling.channels.SignalingChannels;
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
 * few seconds until they see an offer). JoinStorageSessionAsViewer answers InvalidArgumentException:
 * viewers of a stored camera watch its stream over WHEP or HLS.
 *
 * <p>Errors: unknown channel or stream ResourceNotFoundException; storage not enabled, no master
 * connected InvalidArgumentException; stream written by another producer ResourceInUseException;
 * every WebRTC session slot taken ClientLimitExceededException.
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
                ChannelInputs.JOIN_STORAGE_SESSION_AS_VIEWER, (call, out) -> {
                    throw VideoErrorType.INVALID_ARGUMENT.exception("Freshet does not support "
                        + "JoinStorageSessionAsViewer: watch the stored stream over WHEP (POST /whep/{stream}) or HLS.");
                })
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
