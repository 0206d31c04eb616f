package dev.freshet.webrtc.ice;

/**
 * ice4j settings Freshet needs before the first {@code Agent} exists, set as the system
 * properties ice4j's typesafe configuration reads. ice4j's defaults would probe a cloud metadata
 * address ({@code 169.254.169.254}) on first use; Freshet sends traffic only where its own
 * configuration says, so that mapping is off, and no STUN mapping server is ever named (ice4j's
 * default list is empty, and it stays so). The one UDP port gets a large receive buffer. A property
 * already set by the operator wins.
 *
 * <p>Thread-safe (idempotent).
 */
public final class IceHardening {

    static final String RECEIVE_BUFFER_PROPERTY = "ice4j.harvest.udp.receive-buffer-size";
    /**
     * SO_RCVBUF of the one port every peer's media arrives on. The OS default (about 208 KiB on
     * Linux) holds 8 ms of 100 publishers at 2 Mb/s: a pause of the reading thread that long
     * dropped packets (an IDR is a burst of 100 packets per publisher). Linux grants at most
     * {@code net.core.rmem_max} (often 4 MiB, doubled for bookkeeping); raise that to get all of it.
     */
    static final int RECEIVE_BUFFER_BYTES = 16 * 1024 * 1024;

    private IceHardening() {
    }

    public static synchronized void apply() {
        setIfAbsent("ice4j.harvest.mapping.aws.enabled", "false");
        setIfAbsent("ice4j.harvest.mapping.aws.force", "false");
        // The SOFTWARE attribute would announce the library and version to every peer.
        setIfAbsent("ice4j.software", "");
        setIfAbsent(RECEIVE_BUFFER_PROPERTY, Integer.toString(RECEIVE_BUFFER_BYTES));
        // ice4j logs several INFO lines per candidate pair through java.util.logging.
        java.util.logging.Logger.getLogger("org.ice4j").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("org.jitsi").setLevel(java.util.logging.Level.WARNING);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
