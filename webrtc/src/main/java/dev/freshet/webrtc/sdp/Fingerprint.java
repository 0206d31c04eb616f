package dev.freshet.webrtc.sdp;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * {@code a=fingerprint:<hash-func> <fingerprint>} (RFC 8122 section 5): the hash of the peer's DTLS
 * certificate, which the DTLS layer compares with the certificate it is shown.
 *
 * <pre>
 *   a=fingerprint:sha-256 4F:0A:...:9C      32 upper- or lower-case hex pairs joined by ':'
 * </pre>
 *
 * @param algorithm the hash function, lower case ({@code sha-256}, {@code sha-1}, ...)
 * @param hex       the digest as upper-case hex pairs joined by colons; its length fits the algorithm
 */
public record Fingerprint(String algorithm, String hex) {

    /** Digest lengths in bytes of the hash functions RFC 8122 names; others are accepted at any length. */
    private static final Map<String, Integer> DIGEST_BYTES = Map.of(
        "md2", 16, "md5", 16, "sha-1", 20, "sha-224", 28, "sha-256", 32, "sha-384", 48, "sha-512", 64);

    public Fingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
    }

    /** The fingerprint of {@code digest} made with {@code algorithm}, e.g. a local certificate's SHA-256. */
    public static Fingerprint of(String algorithm, byte[] digest) {
        return parse(algorithm + " " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest));
    }

    /** The digest bytes. */
    public byte[] digest() {
        return HexFormat.ofDelimiter(":").parseHex(hex);
    }

    static Fingerprint parse(String value) {
        String[] f = fields(value);
        if (f.length != 2) {
            throw malformed(SdpMalformed.BAD_FINGERPRINT, "needs hash function and digest: " + quote(value));
        }
        String algorithm = f[0].toLowerCase(Locale.ROOT);
        String hex = f[1].toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{2}(:[0-9A-F]{2})*")) {
            throw malformed(SdpMalformed.BAD_FINGERPRINT, "digest is not hex pairs joined by ':': " + quote(value));
        }
        Integer expected = DIGEST_BYTES.get(algorithm);
        int bytes = (hex.length() + 1) / 3;
        if (expected != null && expected != bytes) {
            throw malformed(SdpMalformed.BAD_FINGERPRINT, algorithm + " digest has " + bytes + " bytes");
        }
        return new Fingerprint(algorithm, hex);
    }

    String format() {
        return algorithm + " " + hex;
    }
}
