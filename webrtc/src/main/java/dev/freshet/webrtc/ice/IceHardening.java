package dev.freshet.webrtc.ice;

/**
 * ice4j settings Freshet needs before the first {@code Agent} exists, set as the system
 * properties ice4j's typesafe configuration reads. ice4j's defaults would probe a cloud metadata
 * address ({@code 169.254.169.254}) on first use; Freshet sends traffic only where its own
 * configuration says, so that mapping is off, and no STUN mapping server is ever named (ice4j's
 * default list is empty, and it stays so). A property already set by the operator wins.
 *
 * <p>Thread-safe (idempotent).
 */
public final class IceHardening {

    private IceHardening() {
    }

    public static synchronized void apply() {
        setIfAbsent("ice4j.harvest.mapping.aws.enabled", "false");
        setIfAbsent("ice4j.harvest.mapping.aws.force", "false");
        // The SOFTWARE attribute would announce the library and version to every peer.
        setIfAbsent("ice4j.software", "");
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
