package dev.freshet.fragments.archive;

import dev.freshet.fragments.store.TimestampKind;

/**
 * A timestamp range of fragments (ListFragments' FragmentSelector, the HLS/DASH/clip selectors):
 * inclusive bounds on the producer or server clock, in epoch milliseconds.
 */
public record FragmentSelector(TimestampKind kind, long startMillis, long endMillis) {

    public static FragmentSelector everything() {
        return new FragmentSelector(TimestampKind.SERVER, Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
