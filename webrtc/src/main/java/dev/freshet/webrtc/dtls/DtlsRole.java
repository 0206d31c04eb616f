package dev.freshet.webrtc.dtls;

/**
 * Which end of the DTLS handshake we are. From the SDP {@code a=setup} attribute (RFC 8842 §5.3):
 * a remote {@code active} makes us SERVER, a remote {@code passive} makes us CLIENT.
 *
 * <p>Immutable.
 */
public enum DtlsRole {
    CLIENT,
    SERVER
}
