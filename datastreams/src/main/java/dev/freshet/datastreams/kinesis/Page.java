package dev.freshet.datastreams.kinesis;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items     this page
 * @param nextToken token for the next page, or null on the last
 * @param hasMore   whether more items follow
 */
public record Page<T>(List<T> items, String nextToken, boolean hasMore) {
}
