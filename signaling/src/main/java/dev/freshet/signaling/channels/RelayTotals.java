package dev.freshet.signaling.channels;

import java.util.Map;

/**
 * The relay's counters at one moment, for {@code /metrics}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param masters  masters connected now
 * @param viewers  viewers connected now
 * @param relayed  messages delivered since start
 * @param refused  messages refused since start, by reason (every reason present)
 */
public record RelayTotals(int masters, int viewers, long relayed, Map<RefusalReason, Long> refused) {

    public RelayTotals {
        refused = Map.copyOf(refused);
    }
}
