package dev.freshet.fragments.video;

import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;

/**
 * One page of a listing by name (ListStreams, and ListSignalingChannels in module {@code signaling}):
 * the resources after the page token's name whose name starts with the prefix, at most
 * {@code maxResults}, and a {@link ListTokens} token when more follow.
 *
 * <p>Stateless and thread-safe; call it under the lock that guards {@code byName}.
 */
public final class NamePages {

    private NamePages() {
    }

    /**
     * One page.
     *
     * @param items     this page, by name
     * @param nextToken where the next page starts, or null on the last page
     */
    public record Page<I>(List<I> items, String nextToken) {
    }

    /**
     * @param maxResults 1..{@code largest}, or null for {@code largest}
     * @param nextToken  a previous page's token, or null for the first page
     * @param prefix     only names that start with it (BEGINS_WITH), or null for all
     * @param info       what the page lists of each resource
     * @throws VideoException InvalidArgumentException for a bad MaxResults or token
     */
    public static <S, I> Page<I> page(NavigableMap<String, S> byName, Integer maxResults, int largest, String nextToken,
                                      String prefix, Function<S, I> info) {
        int max = maxResults == null ? largest : maxResults;
        if (max < 1 || max > largest) {
            throw VideoErrorType.INVALID_ARGUMENT.exception("MaxResults must be between 1 and %d.", largest);
        }
        NavigableMap<String, S> tail = nextToken == null ? byName : byName.tailMap(ListTokens.open(nextToken), false);
        List<String> names = tail.keySet().stream().filter(name -> prefix == null || name.startsWith(prefix))
            .limit(max + 1L).toList();
        List<I> items = names.stream().limit(max).map(name -> info.apply(byName.get(name))).toList();
        return new Page<>(items, names.size() <= max ? null : ListTokens.issue(names.get(max - 1)));
    }
}
