package dev.freshet.fragments.mkv;

import java.util.Objects;

/**
 * One SimpleTag (RFC 9559 section 5.1.8.1.2): a TagName and its TagString, such as
 * {@code AWS_KINESISVIDEO_FRAGMENT_NUMBER} and its 47-digit value.
 */
public record MkvSimpleTag(String name, String value) {

    public MkvSimpleTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
