package dev.freshet.fragments.video;

import java.util.TreeMap;

/**
 * The persisted state of one video stream (a node of {@link VideoCatalogState}). Null members
 * were never set.
 *
 * <p>Not thread-safe: guarded by the {@link VideoCatalog}'s lock.
 */
final class VideoStreamState {
    public String name;
    /** Internal id, unique per incarnation of a name: the fragment store's stream id. */
    public String id;
    public long createdMillis;
    public String deviceName;
    public String mediaType;
    public String kmsKeyId;
    public int retentionHours;
    public String version;
    public StreamStatus status = StreamStatus.CREATING;
    /** When the current CREATING/UPDATING/DELETING phase ends. */
    public long statusUntilMillis;
    public TreeMap<String, String> tags = new TreeMap<>();
    public StorageTier storageTier = StorageTier.HOT;
    public ImageGenerationState imageGeneration;
    public NotificationState notification;
}
