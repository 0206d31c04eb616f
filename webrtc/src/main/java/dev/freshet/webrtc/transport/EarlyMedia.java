package dev.freshet.webrtc.transport;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * SRTP and SRTCP datagrams that arrived before the DTLS handshake had exported the keys, kept in
 * arrival order until it has. A DTLS client may send media the moment it has the server's Finished,
 * while the server's handshake thread is still turning the master secret into SRTP keys: without
 * this, the publisher's first keyframe (a burst of a hundred packets on a busy machine) was lost,
 * the peer heard no loss to repair (it never saw those sequence numbers), and the first fragment
 * started one GOP later. Held bytes are bounded; what does not fit is the caller's to drop.
 *
 * <p>Not thread-safe: the transport's reader thread alone holds and releases.
 */
final class EarlyMedia {

    /** Receives the held datagrams, oldest first. */
    interface Sink {
        void datagram(byte[] data, int offset, int length);
    }

    private final int maxBytes;
    private final ArrayDeque<byte[]> held = new ArrayDeque<>();
    private int bytes;

    EarlyMedia(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Keeps a copy; false (nothing kept) when it would pass the byte budget. */
    boolean hold(byte[] data, int offset, int length) {
        if (bytes + length > maxBytes) {
            return false;
        }
        held.add(Arrays.copyOfRange(data, offset, offset + length));
        bytes += length;
        return true;
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    int size() {
        return held.size();
    }

    /** Hands every held datagram to {@code sink}, oldest first, and forgets them. */
    void release(Sink sink) {
        while (!held.isEmpty()) {
            byte[] datagram = held.poll();
            bytes -= datagram.length;
            sink.datagram(datagram, 0, datagram.length);
        }
    }

    /** Forgets every held datagram (the handshake failed: they can never be read). */
    void clear() {
        held.clear();
        bytes = 0;
    }
}
