package dev.freshet.fragments.hls;

import java.util.List;

/**
 * One segment (a stored fragment) of a media playlist, as the playlist writer needs it.
 *
 * @param mediaSequence       its msn: the fragment's record sequence
 * @param uri                 where its media is, relative to the playlist
 * @param durationMicros      its length
 * @param programDateMillis   the wall-clock time of its start for {@code #EXT-X-PROGRAM-DATE-TIME}, or -1
 * @param discontinuityBefore whether {@code #EXT-X-DISCONTINUITY} precedes it
 * @param mapUri              the init segment URI to announce before it ({@code #EXT-X-MAP}), or null if unchanged
 * @param parts               its LL-HLS parts, listed only for the newest segments (else empty)
 */
public record PlaylistSegment(long mediaSequence, String uri, long durationMicros, long programDateMillis,
                              boolean discontinuityBefore, String mapUri, List<PlaylistPart> parts) {
}
