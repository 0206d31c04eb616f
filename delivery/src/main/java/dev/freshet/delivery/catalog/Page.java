package dev.freshet.delivery.catalog;

import java.util.List;

/**
 * One page of a listing (stream names, tags) and whether more follow.
 *
 * @param <T> the listed item
 */
public record Page<T>(List<T> items, boolean hasMore) {

    public Page {
        items = List.copyOf(items);
    }
}
