package dev.freshet.webrtc.dtls;

import dev.freshet.webrtc.MalformedInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * A certificate fingerprint as SDP carries it (RFC 8122 §5, {@code a=fingerprint:}), e.g.
 * {@code sha-256 AB:CD:...:EF}: the hash function name, a space, the digest as upper-case hex
 * pairs joined by colons. Matching a certificate and comparing fingerprints are constant-time,
 * since the digest authenticates the peer.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fingerprint {

    /** RFC 8122 hash function names to JCA digest names and output lengths; md2/md5 refused. */
    private static final Map<String, String> JCA_NAMES = Map.of(
            "sha-1", "SHA-1", "sha-224", "SHA-224", "sha-256", "SHA-256", "sha-384", "SHA-384", "sha-512", "SHA-512");
    private static final Map<String, Integer> LENGTHS = Map.of(
            "sha-1", 20, "sha-224", 28, "sha-256", 32, "sha-384", 48, "sha-512", 64);
    private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private final String algorithm;
    private final byte[] digest;

    private Fingerprint(String algorithm, byte[] digest) {
        this.algorithm = algorithm;
        this.digest = digest;
    }

    /**
     * Parses the value of an {@code a=fingerprint:} attribute; the hash name is case-insensitive.
     *
     * @throws MalformedInputException with a {@link DtlsMalformed} reason
     */
    public static Fingerprint parse(String sdpValue) {
        String[] parts = sdpValue.strip().split(" +");
        if (parts.length != 2) {
            throw new MalformedInputException(DtlsMalformed.FINGERPRINT_SYNTAX, "expected '<hash> <hex:hex:...>'");
        }
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        Integer length = LENGTHS.get(algorithm);
        if (length == null) {
            throw new MalformedInputException(DtlsMalformed.FINGERPRINT_HASH, parts[0]);
        }
        String hex = parts[1];
        // length first, so the hex parser only has to reject non-hex digits and misplaced colons
        if (hex.length() != 3 * length - 1) {
            throw new MalformedInputException(DtlsMalformed.FINGERPRINT_LENGTH, algorithm + " with " + hex.length() + " chars");
        }
        try {
            return new Fingerprint(algorithm, HEX.parseHex(hex.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException(DtlsMalformed.FINGERPRINT_SYNTAX, "not colon-separated hex pairs");
        }
    }

    /** The fingerprint of a DER-encoded certificate under {@code algorithm} (an RFC 8122 name). */
    public static Fingerprint of(String algorithm, byte[] certificateDer) {
        String name = algorithm.toLowerCase(Locale.ROOT);
        String jca = JCA_NAMES.get(name);
        if (jca == null) {
            throw new IllegalArgumentException("unsupported hash function " + algorithm);
        }
        try {
            return new Fingerprint(name, MessageDigest.getInstance(jca).digest(certificateDer));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jca + " is part of every JDK", e);
        }
    }

    /** True if {@code certificateDer} hashes to this fingerprint. */
    public boolean matches(byte[] certificateDer) {
        return equals(of(algorithm, certificateDer));
    }

    /** The RFC 8122 hash function name, lower case. */
    public String algorithm() {
        return algorithm;
    }

    /** The SDP attribute value: {@code sha-256 AB:CD:...}. */
    public String toSdp() {
        return algorithm + " " + HEX.formatHex(digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && algorithm.equals(f.algorithm) && MessageDigest.isEqual(digest, f.digest);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode();
    }

    @Override
    public String toString() {
        return toSdp();
    }
}
