package dev.freshet.delivery.catalog;

/**
 * A stream's DeliveryStreamStatus and encryption Status at a given time, from the phase end times
 * it stores. Stateless.
 */
final class DeliveryStreamStatus {

    static final String CREATING = "CREATING";
    static final String ACTIVE = "ACTIVE";
    static final String DELETING = "DELETING";

    private DeliveryStreamStatus() {
    }

    static String of(DeliveryStreamState stream, long now) {
        if (stream.deletedAtMillis > 0) {
            return DELETING;
        }
        return now < stream.activeAtMillis ? CREATING : ACTIVE;
    }

    static boolean isActive(DeliveryStreamState stream, long now) {
        return ACTIVE.equals(of(stream, now));
    }

    /** True once a deleted stream's DELETING phase is over: it no longer exists. */
    static boolean gone(DeliveryStreamState stream, long now) {
        return stream.deletedAtMillis > 0 && now >= stream.deletedAtMillis;
    }

    /** ENABLED, ENABLING, DISABLED or DISABLING. */
    static String encryption(DeliveryStreamState stream, long now) {
        boolean settled = now >= stream.encryptionSettledAtMillis;
        if (stream.encryptionEnabled) {
            return settled ? "ENABLED" : "ENABLING";
        }
        return settled ? "DISABLED" : "DISABLING";
    }
}
