package dev.freshet.webrtc.srtp;

/**
 * Whatever can export keying material under a label (RFC 5705), i.e. a finished DTLS handshake.
 * This is the one thing SRTP needs from DTLS, so this package never imports the DTLS layer.
 *
 * <p>Thread-safety is the implementer's; one call per handshake is the expected use.
 */
@FunctionalInterface
public interface KeyingMaterialExporter {

    /** {@code length} bytes exported under {@code label} with no context value. */
    byte[] exportKeyingMaterial(String label, int length);
}
