package dev.freshet.fragments.video;

import dev.freshet.datastreams.metadata.JsonSnapshots;
import dev.freshet.datastreams.metadata.SnapshotFile;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentStore;

import java.nio.file.Path;

/**
 * The Kinesis Video Streams control plane as plain Java: the composition root of the stream
 * services ({@link #streams()}, {@link #tags()}, {@link #configurations()}) over one catalog whose
 * metadata lives in {@code <metadataDir>/catalog.json}, and the door the data plane goes through
 * ({@link #resolve}, {@link #fragments}).
 *
 * <p>The services raise {@link VideoException} with the service's error types; they know nothing
 * of HTTP or JSON.
 *
 * <p>Thread-safe.
 */
public final class VideoStreams {

    private final VideoCatalog catalog;
    private final VideoStreamLifecycle streams;
    private final VideoStreamTags tags;
    private final VideoStreamConfigurations configurations;

    /**
     * Loads the catalog (or starts an empty one), deletes fragments of streams whose deletion a
     * crash interrupted, and opens every stream's fragments in {@code store}.
     */
    public VideoStreams(VideoSettings settings, FragmentStore store, Path metadataDir) {
        JsonSnapshots<VideoCatalogState> snapshots = new JsonSnapshots<>(new SnapshotFile(metadataDir, "catalog.json"),
            VideoCatalogState.class, "video stream metadata");
        this.catalog = new VideoCatalog(settings, store, snapshots);
        this.streams = new VideoStreamLifecycle(catalog);
        this.tags = new VideoStreamTags(catalog);
        this.configurations = new VideoStreamConfigurations(catalog, streams);
    }

    public VideoSettings settings() {
        return catalog.settings();
    }

    public VideoStreamLifecycle streams() {
        return streams;
    }

    public VideoStreamTags tags() {
        return tags;
    }

    public VideoStreamConfigurations configurations() {
        return configurations;
    }

    /**
     * The stream a data-plane request names, in whatever status it is (check
     * {@link ResolvedStream#acceptsMedia()}).
     *
     * @throws VideoException ResourceNotFoundException ({@code "The requested stream is not found or
     *                        not active."}) when no stream has that name or ARN (an ARN must also
     *                        match the creation time); InvalidArgumentException when neither is given
     *                        or they disagree
     */
    public ResolvedStream resolve(VideoStreamRef ref) {
        return catalog.read(state -> catalog.resolved(catalog.require(state, ref)));
    }

    /** The fragments of a resolved stream, opened in the fragment store with its current retention. */
    public FragmentLog fragments(ResolvedStream stream) {
        return catalog.store().open(stream.id(), stream.creationTime().toEpochMilli(), stream.retention());
    }
}
