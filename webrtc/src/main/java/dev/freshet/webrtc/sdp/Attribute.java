package dev.freshet.webrtc.sdp;

import java.util.Objects;

/**
 * An {@code a=} line this package does not interpret (RFC 8866 section 5.13), kept so that nothing a peer sent
 * is lost: {@code a=<name>} (a property, value empty) or {@code a=<name>:<value>} (value as written).
 *
 * @param name  the attribute name, e.g. {@code sctp-port}
 * @param value the text after the first colon, empty for a property attribute
 */
public record Attribute(String name, String value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Splits the text after {@code a=} at its first colon. */
    static Attribute parse(String line) {
        int colon = line.indexOf(':');
        String name = colon < 0 ? line : line.substring(0, colon);
        if (name.isEmpty()) {
            throw SdpValues.malformed(SdpMalformed.BAD_ATTRIBUTE, "attribute without a name: " + SdpValues.quote(line));
        }
        return new Attribute(name, colon < 0 ? "" : line.substring(colon + 1));
    }

    String format() {
        return value.isEmpty() ? name : name + ":" + value;
    }
}
