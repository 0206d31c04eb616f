package dev.freshet.webrtc.rtcp;

import java.util.HexFormat;

/** Packets written by hand from the RFC diagrams, spaces for readability. */
final class Hex {

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
