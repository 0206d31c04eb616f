package dev.freshet.web.video;

import dev.freshet.fragments.store.FragmentStore;
import dev.freshet.fragments.video.VideoStreams;
import dev.freshet.signaling.channels.SignalingChannels;
import dev.freshet.web.server.ModuleContext;

import java.util.Objects;

/**
 * What a {@link VideoDataPlane} gets: the server's module context (settings, metrics, log engine),
 * the control plane ({@code streams.resolve(ref)} → internal id, name, ARN, retention, status,
 * creation time; {@code streams.fragments(resolved)} → the stream's {@code FragmentLog}) and the
 * fragment store the control plane opens, retains and deletes stream fragments in, and the signaling
 * channels: {@code channels.mediaStorage().describe(ref)} → the stream a channel's storage session
 * writes to, {@code channels.relay()} → the relay a storage session joins as a server-side member.
 *
 * <p>Immutable; what it holds is thread-safe.
 */
public record VideoModuleContext(ModuleContext module, VideoStreams streams, FragmentStore fragments,
                                 SignalingChannels channels) {

    public VideoModuleContext {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(fragments, "fragments");
        Objects.requireNonNull(channels, "channels");
    }
}
