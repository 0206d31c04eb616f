package dev.freshet.webrtc.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

import static dev.freshet.webrtc.sdp.SdpValues.parseInt;

/**
 * {@code a=fmtp:<payload type> <parameters>} (RFC 8866 section 6.15) with the parameters split as nearly every
 * RTP payload format writes them: {@code key=value} pairs joined by {@code ;}. A part without {@code =} (RED's
 * {@code 111/111}, telephone-event's {@code 0-16}) is kept as a key with an empty value.
 *
 * @param payloadType 0..127
 * @param parameters  in the order written; later duplicates replace earlier ones
 */
public record Fmtp(int payloadType, Map<String, String> parameters) {

    public Fmtp {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A parameter's value, its name compared ignoring case (RFC 6184 and RFC 7587 names are case-insensitive). */
    public Optional<String> get(String name) {
        return parameters.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue).findFirst();
    }

    static Fmtp parse(String value) {
        String trimmed = value.strip();
        int space = trimmed.indexOf(' ');
        String pt = space < 0 ? trimmed : trimmed.substring(0, space);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (space >= 0) {
            for (String part : trimmed.substring(space + 1).split(";")) {
                int eq = part.indexOf('=');
                String key = (eq < 0 ? part : part.substring(0, eq)).strip();
                if (!key.isEmpty()) {
                    parameters.put(key, eq < 0 ? "" : part.substring(eq + 1).strip());
                }
            }
        }
        return new Fmtp(parseInt(pt, 0, 127, SdpMalformed.BAD_ATTRIBUTE, "fmtp payload type"), parameters);
    }

    String format() {
        StringJoiner joined = new StringJoiner(";");
        parameters.forEach((k, v) -> joined.add(v.isEmpty() ? k : k + "=" + v));
        return parameters.isEmpty() ? Integer.toString(payloadType) : payloadType + " " + joined;
    }
}
