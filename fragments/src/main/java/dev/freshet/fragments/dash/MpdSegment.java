package dev.freshet.fragments.dash;

/**
 * One segment of the manifest (a stored fragment, one media segment per track): its {@code S}
 * element of the SegmentTimeline and the fragment its {@code SegmentURL}s name.
 *
 * @param startMillis        the fragment's producer timestamp, epoch milliseconds: within a frame or
 *                           so of the presentation times its fMP4 segments carry (the index knows no
 *                           per-track times, and players place media by the segments' own)
 * @param durationMillis     its length, at most up to the next segment's start
 * @param fragmentNumber     the fragment, for the URLs
 * @param showFragmentNumber whether {@code S} carries it as {@code kvs:fn}
 * @param timestampMillis    {@code kvs:ts} (the selector clock's timestamp), or -1 when not displayed
 */
record MpdSegment(long startMillis, long durationMillis, String fragmentNumber, boolean showFragmentNumber,
                  long timestampMillis) {
}
