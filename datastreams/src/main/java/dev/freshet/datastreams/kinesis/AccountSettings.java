package dev.freshet.datastreams.kinesis;

import dev.freshet.datastreams.kinesis.internal.CatalogState;
import dev.freshet.datastreams.kinesis.internal.StreamCatalog;

import java.time.Instant;

/**
 * DescribeAccountSettings and UpdateAccountSettings: the account's minimum throughput billing
 * commitment. Enabling it starts a commitment that cannot end before a year has passed; disabling
 * it earlier leaves it ENABLED_UNTIL_EARLIEST_ALLOWED_END, as the service does. Freshet bills
 * nothing; the state is kept so tools that manage it work.
 *
 * <p>Thread-safe.
 */
public final class AccountSettings {

    static final long COMMITMENT_MILLIS = 365L * 24 * 3_600_000L;

    private final StreamCatalog catalog;

    public AccountSettings(StreamCatalog catalog) {
        this.catalog = catalog;
    }

    /** The commitment as DescribeAccountSettings reports it; null times were never set. */
    public record BillingCommitment(String status, Instant startedAt, Instant endedAt, Instant earliestAllowedEndAt) {
    }

    public BillingCommitment describe() {
        return catalog.read(this::commitment);
    }

    public BillingCommitment update(String status) {
        return catalog.mutate(state -> {
            long now = catalog.now();
            settleEnded(state, now);
            if (status.equals("ENABLED") && !state.billingCommitmentStatus.startsWith("ENABLED")) {
                state.billingCommitmentStatus = "ENABLED";
                state.billingCommitmentStartedMillis = now;
                state.billingCommitmentEarliestEndMillis = now + COMMITMENT_MILLIS;
                state.billingCommitmentEndedMillis = null;
            } else if (status.equals("ENABLED")) {
                state.billingCommitmentStatus = "ENABLED";
                state.billingCommitmentEndedMillis = null;
            } else if (status.equals("DISABLED") && state.billingCommitmentStatus.startsWith("ENABLED")) {
                boolean early = now < state.billingCommitmentEarliestEndMillis;
                state.billingCommitmentStatus = early ? "ENABLED_UNTIL_EARLIEST_ALLOWED_END" : "DISABLED";
                state.billingCommitmentEndedMillis = early ? state.billingCommitmentEarliestEndMillis : now;
            }
            return commitment(state);
        });
    }

    private static void settleEnded(CatalogState state, long now) {
        if (state.billingCommitmentStatus.equals("ENABLED_UNTIL_EARLIEST_ALLOWED_END")
            && now >= state.billingCommitmentEarliestEndMillis) {
            state.billingCommitmentStatus = "DISABLED";
        }
    }

    private BillingCommitment commitment(CatalogState state) {
        String status = state.billingCommitmentStatus;
        if (status.equals("ENABLED_UNTIL_EARLIEST_ALLOWED_END") && catalog.now() >= state.billingCommitmentEarliestEndMillis) {
            status = "DISABLED";
        }
        return new BillingCommitment(status, instant(state.billingCommitmentStartedMillis),
            instant(state.billingCommitmentEndedMillis), instant(state.billingCommitmentEarliestEndMillis));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
