package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.Optional;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * Gathers the ICE and DTLS attributes that session level and media sections share. The first of each wins; a
 * repeat is left to the caller to keep as an unknown attribute, so nothing is lost. Not thread-safe: one parse.
 */
final class TransportAttributeParser {

    private String iceUfrag = "";
    private String icePwd = "";
    private List<String> iceOptions = List.of();
    private Optional<Fingerprint> fingerprint = Optional.empty();
    private Optional<Setup> setup = Optional.empty();

    /** Takes the attribute if it is a transport attribute not seen yet; false leaves it to the caller. */
    boolean accept(String name, String value) {
        if (!isFirst(name)) {
            return false;
        }
        switch (name) {
            case "ice-ufrag" -> iceUfrag = value.strip();
            case "ice-pwd" -> icePwd = value.strip();
            case "ice-options" -> iceOptions = List.of(fields(value));
            case "fingerprint" -> fingerprint = Optional.of(Fingerprint.parse(value));
            case "setup" -> setup = Optional.of(parseSetup(value));
            default -> throw new IllegalStateException(name);
        }
        return true;
    }

    private boolean isFirst(String name) {
        return switch (name) {
            case "ice-ufrag" -> iceUfrag.isEmpty();
            case "ice-pwd" -> icePwd.isEmpty();
            case "ice-options" -> iceOptions.isEmpty();
            case "fingerprint" -> fingerprint.isEmpty();
            case "setup" -> setup.isEmpty();
            default -> false;
        };
    }

    private static Setup parseSetup(String value) {
        return Setup.fromToken(value.strip())
            .orElseThrow(() -> malformed(SdpMalformed.BAD_ATTRIBUTE, "setup " + quote(value)));
    }

    TransportAttributes build() {
        return new TransportAttributes(iceUfrag, icePwd, iceOptions, fingerprint, setup);
    }
}
