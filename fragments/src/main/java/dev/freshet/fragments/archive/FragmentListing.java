package dev.freshet.fragments.archive;

import dev.freshet.datastreams.tokens.SealedTokens;
import dev.freshet.datastreams.tokens.TokenCodec;
import dev.freshet.fragments.hls.PlaybackException;
import dev.freshet.fragments.store.FragmentInfo;
import dev.freshet.fragments.store.FragmentLog;
import dev.freshet.fragments.store.TimestampKind;

import java.util.List;

/**
 * ListFragments: fragments of a stream in a timestamp range, paged with sealed NextTokens that
 * remember the stream, the range and where the page ended. Reads only the fragment index.
 *
 * <p>Thread-safe.
 */
public final class FragmentListing {

    public static final int DEFAULT_MAX_RESULTS = 100;
    private static final byte PURPOSE = 'L';

    private final SealedTokens tokens;

    public FragmentListing(SealedTokens tokens) {
        this.tokens = tokens;
    }

    public FragmentPage list(String streamId, FragmentLog log, FragmentSelector selector, Integer maxResults,
                             String nextToken) {
        int max = maxResults == null ? DEFAULT_MAX_RESULTS : maxResults;
        FragmentSelector range = selector == null ? FragmentSelector.everything() : selector;
        long after = -1;
        if (nextToken != null) {
            Cursor cursor = open(nextToken, streamId);
            range = cursor.selector();
            after = cursor.afterSequence();
        }
        List<FragmentInfo> page = log.list(range.kind(), range.startMillis(), range.endMillis(), after, max + 1);
        if (page.size() <= max) {
            return new FragmentPage(page, null);
        }
        List<FragmentInfo> shown = page.subList(0, max);
        return new FragmentPage(List.copyOf(shown), issue(streamId, range, shown.get(max - 1).sequence()));
    }

    private record Cursor(FragmentSelector selector, long afterSequence) {
    }

    private String issue(String streamId, FragmentSelector range, long afterSequence) {
        return tokens.seal(TokenCodec.pack(streamId, range.kind().name(), range.startMillis(), range.endMillis(),
            afterSequence), PURPOSE);
    }

    private Cursor open(String token, String streamId) {
        List<Object> f = tokens.open(token, PURPOSE).flatMap(raw -> TokenCodec.unpack(raw, 5))
            .filter(fields -> streamId.equals(fields.get(0)))
            .orElseThrow(() -> new PlaybackException(PlaybackException.Reason.INVALID_ARGUMENT, "Invalid NextToken."));
        FragmentSelector selector = new FragmentSelector(TimestampKind.valueOf((String) f.get(1)), (Long) f.get(2),
            (Long) f.get(3));
        return new Cursor(selector, (Long) f.get(4));
    }
}
