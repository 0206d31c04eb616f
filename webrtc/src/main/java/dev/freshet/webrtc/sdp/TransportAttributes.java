package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ICE and DTLS attributes that may stand at session level or in a media section (RFC 8839 section 5.4,
 * RFC 8842 section 5): a media section's value, when present, overrides the session's
 * ({@link #orElse(TransportAttributes)}).
 *
 * @param iceUfrag    {@code a=ice-ufrag}, empty when absent
 * @param icePwd      {@code a=ice-pwd}, empty when absent
 * @param iceOptions  {@code a=ice-options} tokens, e.g. {@code trickle}
 * @param fingerprint the first {@code a=fingerprint}
 * @param setup       {@code a=setup}
 */
public record TransportAttributes(String iceUfrag, String icePwd, List<String> iceOptions,
                                  Optional<Fingerprint> fingerprint, Optional<Setup> setup) {

    /** No transport attribute at all. */
    public static final TransportAttributes NONE =
        new TransportAttributes("", "", List.of(), Optional.empty(), Optional.empty());

    public TransportAttributes {
        Objects.requireNonNull(iceUfrag, "iceUfrag");
        Objects.requireNonNull(icePwd, "icePwd");
        iceOptions = List.copyOf(iceOptions);
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(setup, "setup");
    }

    /** These attributes, each absent one taken from {@code outer} (the session level). */
    public TransportAttributes orElse(TransportAttributes outer) {
        return new TransportAttributes(iceUfrag.isEmpty() ? outer.iceUfrag : iceUfrag,
            icePwd.isEmpty() ? outer.icePwd : icePwd, iceOptions.isEmpty() ? outer.iceOptions : iceOptions,
            fingerprint.or(outer::fingerprint), setup.or(outer::setup));
    }
}
