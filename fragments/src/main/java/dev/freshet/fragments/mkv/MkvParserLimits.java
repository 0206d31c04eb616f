package dev.freshet.fragments.mkv;

/**
 * How much one upload may make {@link MkvStreamParser} hold in memory.
 *
 * @param maxClusterBytes  the largest Cluster (one fragment), header included; larger ones fail with
 *                         {@link MkvError#FRAGMENT_SIZE_LIMIT}. KVS allows 50 MB.
 * @param maxElementBytes  the largest element other than a Cluster that is decoded whole (EBML
 *                         header, Info, Tracks, Tags); skipped elements (Cues, Attachments…) may be
 *                         any size since they are never held
 * @param maxTracks        the most TrackEntries a Tracks element may hold; more fail with
 *                         {@link MkvError#TOO_MANY_TRACKS}. KVS allows 3.
 */
public record MkvParserLimits(long maxClusterBytes, int maxElementBytes, int maxTracks) {

    /** KVS's PutMedia limits: 50 MB fragments, 3 tracks; 1 MiB for header elements. */
    public static final MkvParserLimits KVS = new MkvParserLimits(50_000_000L, 1 << 20, 3);

    public MkvParserLimits {
        if (maxClusterBytes < 1 || maxElementBytes < 1 || maxTracks < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
