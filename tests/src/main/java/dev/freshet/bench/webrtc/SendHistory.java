package dev.freshet.bench.webrtc;

/**
 * The last 1,024 RTP packets a publisher sent (unprotected), by sequence number, so a NACK can be
 * answered by sending them again, as a browser's sender does.
 *
 * <p>Thread-safe (synchronized): the pacing thread records, the receive thread looks up.
 */
final class SendHistory {

    private static final int SIZE = 1024;

    private final byte[][] packets = new byte[SIZE][];
    private final int[] sequenceNumbers = new int[SIZE];

    synchronized void record(int sequenceNumber, byte[] packet) {
        int slot = sequenceNumber & (SIZE - 1);
        packets[slot] = packet;
        sequenceNumbers[slot] = sequenceNumber;
    }

    /** The packet sent with {@code sequenceNumber}, or null when it has left the history. */
    synchronized byte[] find(int sequenceNumber) {
        int slot = sequenceNumber & (SIZE - 1);
        return packets[slot] != null && sequenceNumbers[slot] == sequenceNumber ? packets[slot] : null;
    }
}
