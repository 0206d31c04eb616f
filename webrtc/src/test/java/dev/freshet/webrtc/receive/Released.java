package dev.freshet.webrtc.receive;

import dev.freshet.webrtc.depacketize.RtpPayload;

import java.util.ArrayList;
import java.util.List;

/** Records what a reorder buffer released, as "seq" and "gap first+count" strings, in order. */
final class Released implements ReorderBuffer.Output {

    final List<String> events = new ArrayList<>();
    final List<Integer> sequenceNumbers = new ArrayList<>();

    @Override
    public void packet(RtpPayload payload, long arrivalMicros) {
        // the payload's first byte repeats its sequence number's low byte: the bytes must be the right ones
        if (payload.length() != 1 || payload.byteAt(0) != (payload.sequenceNumber() & 0xFF)) {
            throw new AssertionError("wrong bytes for " + payload);
        }
        events.add(Integer.toString(payload.sequenceNumber()));
        sequenceNumbers.add(payload.sequenceNumber());
    }

    @Override
    public void gap(int firstMissing, int count) {
        events.add("gap " + firstMissing + "+" + count);
    }

    static RtpPayload payload(int seq) {
        return RtpPayload.of(seq, 1000, false, new byte[] {(byte) seq});
    }
}
