package dev.freshet.web.video;

import dev.freshet.web.server.PathRoute;

import java.util.List;

/**
 * The seam for the Kinesis Video Streams data plane: a part of it (media: {@code /putMedia},
 * {@code /getMedia}; archived media: {@code /listFragments}, {@code /getMediaForFragmentList},
 * {@code /getHLSStreamingSessionURL}, {@code /getDASHStreamingSessionURL}, {@code /getClip},
 * {@code /getImages}, and the HLS/DASH resources under their prefixes) contributes its routes when
 * the {@link KinesisVideoModule} opens, and is closed with it.
 *
 * <pre>{@code
 * new KinesisVideoModule.Factory(context -> new MyFragmentStore(context.logs()),
 *     List.of(context -> new RestJsonRoutes("kinesisvideo-archived-media")
 *         .add("ListFragments", "/listFragments", DataPlaneInputs.LIST_FRAGMENTS,
 *              new ListFragments(context.streams())::run)
 *         .routes()))
 * }</pre>
 * JSON-in, JSON-out operations use {@link RestJsonRoutes}/{@link RestJsonEndpoint} with the shapes
 * of {@link DataPlaneInputs}; streaming ones write their own responses and send errors with
 * {@link RestJsonErrors#send} and {@link VideoErrors#of}. Until a data plane is given, none of these
 * paths is routed: they get the server's 404.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface VideoDataPlane extends AutoCloseable {

    /** The routes to add; a path the control plane serves already fails the server's start. */
    List<PathRoute> routes(VideoModuleContext context);

    /** Stops what the data plane started (sessions, timers); by default nothing. */
    @Override
    default void close() {
    }
}
