package dev.freshet.fragments.store;

/**
 * What the fragment index knows of a stored fragment, without reading its media.
 *
 * @param sequence                the fragment's record sequence in its stream's shard log
 * @param fragmentNumber          the service-shaped 47-digit number naming it ({@link FragmentNumbers})
 * @param producerTimestampMillis the producer timestamp of its first frame, epoch milliseconds
 * @param serverTimestampMillis   when its first byte reached the server, epoch milliseconds
 * @param durationMillis          its length (FragmentLengthInMilliseconds)
 * @param sizeBytes               its media bytes (FragmentSizeInBytes)
 * @param tracksFingerprint       equal for fragments with identical tracks (same codecs and
 *                                configurations): playback starts a new init segment where it changes
 * @param discontinuityBefore     media does not continue seamlessly from the previous fragment: a
 *                                gap or overlap in producer time, or other tracks
 * @param discontinuities         how many such breaks there were up to and including this fragment,
 *                                counted from the oldest fragment the index held since the server started
 */
public record FragmentInfo(long sequence, String fragmentNumber, long producerTimestampMillis,
                           long serverTimestampMillis, long durationMillis, long sizeBytes, long tracksFingerprint,
                           boolean discontinuityBefore, long discontinuities) {

    public long timestamp(TimestampKind kind) {
        return kind == TimestampKind.PRODUCER ? producerTimestampMillis : serverTimestampMillis;
    }
}
