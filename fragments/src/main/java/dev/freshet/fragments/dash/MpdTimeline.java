package dev.freshet.fragments.dash;

/**
 * How a manifest's media time (the producer epoch milliseconds its segments carry) maps to its
 * presentation and, for a live one, to the wall clock (ISO/IEC 23009-1 5.3.9.5.3 / A.3.2):
 *
 * <pre>
 *   period time    = (S@t - presentationTimeOffset) / 1000          (Period@start is 0)
 *   available from = availabilityStartTime + period time + S@d / 1000   (dynamic only)
 * </pre>
 *
 * <p>Immutable; thread-safe.
 *
 * @param dynamic                      {@code type="dynamic"}: the manifest changes, players reload it
 * @param availabilityStartMillis      {@code @availabilityStartTime}, epoch milliseconds (dynamic only)
 * @param presentationTimeOffsetMillis media time at which the presentation starts
 * @param publishMillis                {@code @publishTime}: when this manifest was made (dynamic only)
 */
record MpdTimeline(boolean dynamic, long availabilityStartMillis, long presentationTimeOffsetMillis,
                   long publishMillis) {
}
