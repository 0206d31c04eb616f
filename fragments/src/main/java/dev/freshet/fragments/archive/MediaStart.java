package dev.freshet.fragments.archive;

import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.FragmentNumbers;
import dev.freshet.fragments.store.TimestampKind;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where GetMedia starts, from its StartSelector: the sequence of the first fragment to send, or
 * the next one to arrive.
 * <ul>
 *   <li>NOW: the next fragment to arrive;</li>
 *   <li>EARLIEST: the oldest retained fragment;</li>
 *   <li>FRAGMENT_NUMBER: that fragment;</li>
 *   <li>PRODUCER_TIMESTAMP / SERVER_TIMESTAMP: the fragment holding that time, else the first after it;</li>
 *   <li>CONTINUATION_TOKEN: the fragment after the one the token names (tokens are fragment numbers,
 *   sent with every fragment as {@code AWS_KINESISVIDEO_CONTINUATION_TOKEN}).</li>
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
public final class MediaStart {

    public enum Type { NOW, EARLIEST, FRAGMENT_NUMBER, PRODUCER_TIMESTAMP, SERVER_TIMESTAMP, CONTINUATION_TOKEN }

    private MediaStart() {
    }

    /** The sequence before the first fragment to send: the reader waits for fragments after it. */
    public static long afterSequence(FragmentLog log, long streamCreatedMillis, Type type, String fragmentNumber,
                                     Long timestampMillis, String continuationToken) {
        return switch (type) {
            case NOW -> log.latest().map(FragmentInfo::sequence).orElse(-1L);
            case EARLIEST -> -1;
            case FRAGMENT_NUMBER -> sequenceOf(fragmentNumber, streamCreatedMillis, "AfterFragmentNumber") - 1;
            case CONTINUATION_TOKEN -> sequenceOf(continuationToken, streamCreatedMillis, "ContinuationToken");
            case PRODUCER_TIMESTAMP -> atTime(log, TimestampKind.PRODUCER, timestampMillis);
            case SERVER_TIMESTAMP -> atTime(log, TimestampKind.SERVER, timestampMillis);
        };
    }

    private static long atTime(FragmentLog log, TimestampKind kind, Long timestampMillis) {
        if (timestampMillis == null) {
            throw new PlaybackException(PlaybackException.Reason.INVALID_ARGUMENT,
                "StartTimestamp is required for StartSelectorType " + kind + "_TIMESTAMP.");
        }
        List<FragmentInfo> holding = log.list(kind, timestampMillis - Clips.LONGEST_FRAGMENT_MILLIS, timestampMillis, -1,
            Integer.MAX_VALUE);
        for (int i = holding.size() - 1; i >= 0; i--) {
            FragmentInfo fragment = holding.get(i);
            if (fragment.timestamp(kind) + fragment.durationMillis() > timestampMillis) {
                return fragment.sequence() - 1;
            }
        }
        List<FragmentInfo> next = log.list(kind, timestampMillis, Long.MAX_VALUE, -1, 1);
        return next.isEmpty() ? log.latest().map(FragmentInfo::sequence).orElse(-1L) : next.get(0).sequence() - 1;
    }

    private static long sequenceOf(String number, long streamCreatedMillis, String member) {
        if (number == null) {
            throw new PlaybackException(PlaybackException.Reason.INVALID_ARGUMENT, member + " is required.");
        }
        OptionalLong sequence = FragmentNumbers.sequenceOf(number, streamCreatedMillis);
        if (sequence.isEmpty()) {
            throw new PlaybackException(PlaybackException.Reason.INVALID_ARGUMENT,
                "The " + member + " " + number + " is not a fragment of this stream.");
        }
        return sequence.getAsLong();
    }
}
