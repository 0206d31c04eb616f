package dev.freshet.webrtc.srtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * The negotiated SRTP profile and both directions' master keys, as DTLS-SRTP exports them.
 *
 * <p>RFC 5764 §4.2: the exporter output under label {@value #EXPORTER_LABEL} is laid out as
 * <pre>
 * client_write_key | server_write_key | client_write_salt | server_write_salt
 * </pre>
 * The DTLS client protects what it sends with the client key; the server with the server key.
 *
 * <p>Immutable.
 */
public record SrtpKeyingMaterial(SrtpProfile profile, SrtpMasterKey client, SrtpMasterKey server) {

    /** The RFC 5764 §4.2 exporter label. */
    public static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    public SrtpKeyingMaterial {
        Objects.requireNonNull(profile, "profile");
        checkLengths(profile, client);
        checkLengths(profile, server);
    }

    /** Exports {@code 2 * (key + salt)} bytes and splits them per RFC 5764 §4.2. */
    public static SrtpKeyingMaterial export(SrtpProfile profile, KeyingMaterialExporter exporter) {
        int k = profile.keyLength();
        int s = profile.saltLength();
        byte[] m = exporter.exportKeyingMaterial(EXPORTER_LABEL, 2 * (k + s));
        try {
            return new SrtpKeyingMaterial(profile,
                    new SrtpMasterKey(Arrays.copyOfRange(m, 0, k), Arrays.copyOfRange(m, 2 * k, 2 * k + s)),
                    new SrtpMasterKey(Arrays.copyOfRange(m, k, 2 * k), Arrays.copyOfRange(m, 2 * k + s, 2 * (k + s))));
        } finally {
            Arrays.fill(m, (byte) 0);
        }
    }

    /** The master key this endpoint protects outgoing packets with. */
    public SrtpMasterKey sending(boolean dtlsClient) {
        return dtlsClient ? client : server;
    }

    /** The master key this endpoint unprotects incoming packets with. */
    public SrtpMasterKey receiving(boolean dtlsClient) {
        return dtlsClient ? server : client;
    }

    private static void checkLengths(SrtpProfile profile, SrtpMasterKey master) {
        if (master.key().length != profile.keyLength() || master.salt().length != profile.saltLength()) {
            throw new IllegalArgumentException(profile + " needs a " + profile.keyLength() + "-byte key and a "
                    + profile.saltLength() + "-byte salt, got " + master);
        }
    }
}
