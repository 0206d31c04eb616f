package dev.freshet.fragments.video;

/**
 * A stream's {@code DefaultStorageTier}. Freshet stores every tier alike on local disk; the value is
 * kept and reported so clients that manage it see what they set.
 */
public enum StorageTier {
    HOT,
    WARM
}
