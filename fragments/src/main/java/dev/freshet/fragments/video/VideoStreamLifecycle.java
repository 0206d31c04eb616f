package dev.freshet.fragments.video;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * CreateStream, DescribeStream, ListStreams, DeleteStream, UpdateStream and UpdateDataRetention.
 *
 * <p>Every change of a stream's configuration gives it a new random {@code Version}; the calls that
 * take a {@code CurrentVersion} refuse a stale one with VersionMismatchException. Changes need an
 * ACTIVE stream (else ResourceInUseException); UpdateStream and UpdateDataRetention then show
 * UPDATING, DeleteStream DELETING, for the transition delay. A deleted stream's fragments are
 * removed from the fragment store when DELETING ends.
 *
 * <p>Thread-safe.
 */
public final class VideoStreamLifecycle {

    /** ListStreams' default and largest page. */
    public static final int MAX_LIST_RESULTS = 10_000;

    private final VideoCatalog catalog;

    VideoStreamLifecycle(VideoCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * What CreateStream asks for; null members were not given.
     *
     * @param dataRetentionInHours null or 0: live only
     * @param storageTier          null: HOT
     */
    public record CreateRequest(String streamName, String deviceName, String mediaType, String kmsKeyId,
                                Integer dataRetentionInHours, Map<String, String> tags, StorageTier storageTier) {

        /** A request naming only the stream, with the service's defaults for the rest. */
        public static CreateRequest named(String streamName) {
            return new CreateRequest(streamName, null, null, null, null, null, null);
        }
    }

    /** Which way UpdateDataRetention moves the retention. */
    public enum RetentionChange {
        INCREASE_DATA_RETENTION,
        DECREASE_DATA_RETENTION
    }

    /** Creates the stream (CREATING, then ACTIVE) and opens its fragments; returns its ARN. */
    public String create(CreateRequest request) {
        check(request);
        return catalog.mutate(state -> {
            if (state.streams.containsKey(request.streamName())) {
                throw VideoErrorType.RESOURCE_IN_USE.exception("The stream %s already exists.", request.streamName());
            }
            VideoStreamState stream = newStream(request);
            state.streams.put(stream.name, stream);
            catalog.beginPhase(stream, StreamStatus.CREATING);
            catalog.afterCommit(() -> catalog.openFragments(stream.id, stream.createdMillis, stream.retentionHours));
            return catalog.arn(stream);
        });
    }

    public VideoStreamInfo describe(VideoStreamRef ref) {
        return catalog.read(state -> info(catalog.require(state, ref)));
    }

    /**
     * One page of streams by name.
     *
     * @param maxResults     1..{@value #MAX_LIST_RESULTS}; null for the largest page
     * @param nextToken      a previous page's token, or null for the first page
     * @param nameBeginsWith only streams whose name starts with it (BEGINS_WITH), or null for all
     */
    public StreamPage list(Integer maxResults, String nextToken, String nameBeginsWith) {
        return catalog.read(state -> {
            NamePages.Page<VideoStreamInfo> page = NamePages.page(state.streams, maxResults, MAX_LIST_RESULTS,
                nextToken, nameBeginsWith, this::info);
            return new StreamPage(page.items(), page.nextToken());
        });
    }

    /** Starts deleting the stream: DELETING now, gone (with its fragments) after the transition delay. */
    public void delete(String streamArn, String currentVersion) {
        catalog.mutate(state -> {
            VideoStreamState stream = catalog.requireActive(state, VideoStreamRef.byArn(streamArn));
            VideoRules.checkVersion(stream.version, currentVersion);
            catalog.beginPhase(stream, StreamStatus.DELETING);
            return null;
        });
    }

    /** Sets the device name and media type that are given (null leaves one unchanged). */
    public void update(VideoStreamRef ref, String currentVersion, String deviceName, String mediaType) {
        VideoRules.checkDeviceName(deviceName);
        VideoRules.checkMediaType(mediaType);
        catalog.mutate(state -> {
            VideoStreamState stream = changeable(state, ref, currentVersion);
            stream.deviceName = deviceName != null ? deviceName : stream.deviceName;
            stream.mediaType = mediaType != null ? mediaType : stream.mediaType;
            changed(stream, StreamStatus.UPDATING);
            return null;
        });
    }

    /**
     * Moves the retention up or down by {@code changeInHours}; the result must stay within
     * 0..87600 hours. The fragment store applies the new retention at once.
     */
    public void updateDataRetention(VideoStreamRef ref, String currentVersion, RetentionChange change,
                                    int changeInHours) {
        if (changeInHours < 1) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("DataRetentionChangeInHours must be at least 1.");
        }
        catalog.mutate(state -> {
            VideoStreamState stream = changeable(state, ref, currentVersion);
            long hours = stream.retentionHours
                + (change == RetentionChange.INCREASE_DATA_RETENTION ? changeInHours : -(long) changeInHours);
            VideoRules.checkRetention(hours);
            stream.retentionHours = (int) hours;
            changed(stream, StreamStatus.UPDATING);
            catalog.afterCommit(() -> catalog.store().updateRetention(stream.id, Duration.ofHours(hours)));
            return null;
        });
    }

    /**
     * The ACTIVE stream {@code ref} names, if it is at {@code currentVersion} (null: not asked).
     * Call under the lock.
     */
    VideoStreamState changeable(VideoCatalogState state, VideoStreamRef ref, String currentVersion) {
        VideoStreamState stream = catalog.requireActive(state, ref);
        VideoRules.checkVersion(stream.version, currentVersion);
        return stream;
    }

    /** Records a change of the stream's configuration: a new version, and {@code phase} if not null. */
    void changed(VideoStreamState stream, StreamStatus phase) {
        stream.version = VideoIds.version();
        if (phase != null) {
            catalog.beginPhase(stream, phase);
        }
    }

    private static void check(CreateRequest request) {
        VideoRules.checkStreamName(request.streamName());
        VideoRules.checkDeviceName(request.deviceName());
        VideoRules.checkMediaType(request.mediaType());
        VideoRules.checkKmsKeyId(request.kmsKeyId());
        if (request.dataRetentionInHours() != null) {
            VideoRules.checkRetention(request.dataRetentionInHours());
        }
        if (request.tags() != null) {
            VideoRules.checkTags(Map.of(), request.tags());
        }
    }

    private VideoStreamState newStream(CreateRequest request) {
        VideoStreamState stream = new VideoStreamState();
        stream.name = request.streamName();
        stream.id = VideoIds.streamId();
        stream.createdMillis = catalog.now();
        stream.deviceName = request.deviceName();
        stream.mediaType = request.mediaType();
        stream.kmsKeyId = request.kmsKeyId();
        stream.retentionHours = request.dataRetentionInHours() == null ? 0 : request.dataRetentionInHours();
        stream.version = VideoIds.version();
        stream.storageTier = request.storageTier() == null ? StorageTier.HOT : request.storageTier();
        if (request.tags() != null) {
            stream.tags.putAll(request.tags());
        }
        return stream;
    }

    VideoStreamInfo info(VideoStreamState stream) {
        String kmsKeyId = stream.kmsKeyId != null ? stream.kmsKeyId : catalog.settings().defaultKmsKeyArn();
        return new VideoStreamInfo(stream.deviceName, stream.name, catalog.arn(stream), stream.mediaType, kmsKeyId,
            stream.version, stream.status, Instant.ofEpochMilli(stream.createdMillis), stream.retentionHours);
    }
}
