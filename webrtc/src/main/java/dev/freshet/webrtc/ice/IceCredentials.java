package dev.freshet.webrtc.ice;

import java.util.Objects;

/** An ICE username fragment and password (RFC 8445 §5.3), as SDP carries them in ice-ufrag/ice-pwd. */
public record IceCredentials(String ufrag, String password) {

    public IceCredentials {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(password, "password");
    }
}
