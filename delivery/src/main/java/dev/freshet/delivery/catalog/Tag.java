package dev.freshet.delivery.catalog;

import java.util.Objects;

/**
 * A delivery stream tag. A tag given without a value is stored with the empty value.
 *
 * @param key the TagKey
 * @param value the TagValue, never null
 */
public record Tag(String key, String value) {

    public Tag {
        Objects.requireNonNull(key, "key");
        value = value == null ? "" : value;
    }
}
