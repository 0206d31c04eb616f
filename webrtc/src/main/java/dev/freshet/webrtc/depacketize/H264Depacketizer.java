package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.H264ParameterSets;
import dev.freshet.webrtc.MalformedInputException;

import java.util.function.Consumer;

/**
 * Puts H.264 access units back together from RTP payloads (RFC 6184, packetization modes 0 and 1):
 * single NAL unit packets, STAP-A and FU-A. Packets with one RTP timestamp form one access unit; it
 * is complete at the marker bit or when a packet with another timestamp arrives.
 *
 * <pre>
 *   single NAL (5.6)   STAP-A (5.7.1)                              FU-A (5.8)
 *   +----------+       +------------+---------+-------+---------+  +-----------+---------+----------+
 *   | NAL unit |       | hdr type=24| size u16| NAL 1 | size ..  |  | FU ind =28| FU hdr  | fragment |
 *   +----------+       +------------+---------+-------+---------+  +-----------+---------+----------+
 *   out: | len u32 | NAL | len u32 | NAL | ..   (AVCC, AUD removed; SPS, PPS, SEI kept)
 * </pre>
 *
 * <p>Packets come in sequence-number order, possibly with gaps. A gap damages the access unit open
 * at the time; the access unit begun after a gap is damaged too unless its first packet visibly
 * starts one (a parameter set, SEI, AUD, STAP-A, or a slice with {@code first_mb_in_slice} 0). A
 * damaged access unit is dropped and counted ({@link DepacketizeDrop#DAMAGED_ACCESS_UNIT}), so a
 * decoder never sees a picture with holes; asking for a keyframe is the caller's part. An access
 * unit holding no slice (parameter sets sent apart) is not emitted: its units lead the next one.
 * STAP-B, MTAP and FU-B (interleaved mode only) are skipped and counted. A malformed payload throws
 * {@link MalformedInputException} and damages its access unit.
 *
 * <p>Not thread-safe: one per received H.264 stream, on that stream's receive thread.
 */
public final class H264Depacketizer {

    /** How many bytes of slice-less units may wait for a slice before they are thrown away. */
    private static final int MAX_WAITING_BYTES = 1 << 20;

    private final AccessUnitBuilder builder = new AccessUnitBuilder();
    private final ParameterSetTracker parameterSets = new ParameterSetTracker();
    private final DropCounters counters = new DropCounters();
    private final SequenceOrder order = new SequenceOrder(counters);
    private boolean open;
    private long openTimestamp;
    private boolean damaged;

    /**
     * Takes the next packet; access units it completes (the previous one on a timestamp change, this
     * one on its marker) go to {@code sink} before any exception for this packet is thrown.
     */
    public void push(RtpPayload packet, Consumer<H264AccessUnit> sink) {
        SequenceOrder.Step step = order.accept(packet.sequenceNumber());
        if (step == SequenceOrder.Step.LATE) {
            return;
        }
        boolean lossBefore = step != SequenceOrder.Step.NEXT;
        if (open && lossBefore) {
            damaged = true;
        }
        if (open && packet.timestamp() != openTimestamp) {
            finish(sink);
        }
        if (!open) {
            open = true;
            openTimestamp = packet.timestamp();
            damaged = lossBefore && !AccessUnitStart.startsAccessUnit(packet);
        }
        try {
            read(packet);
            parameterSets.accept(builder.takeParameterSets());
        } catch (MalformedInputException e) {
            damaged = true;
            throw e;
        }
        if (packet.marker()) {
            finish(sink);
        }
    }

    /** Completes the open access unit, as at the end of a stream. */
    public void flush(Consumer<H264AccessUnit> sink) {
        if (open) {
            finish(sink);
        }
    }

    /** The SPS and PPS received so far (a later set with the same id replacing the earlier one). */
    public H264ParameterSets parameterSets() {
        return parameterSets.current();
    }

    /** What was dropped so far. */
    public DropCounters counters() {
        return counters;
    }

    private void read(RtpPayload packet) {
        if (packet.length() == 0) {
            throw new MalformedInputException(DepacketizeMalformed.H264_EMPTY_PAYLOAD, "seq " + packet.sequenceNumber());
        }
        int type = packet.byteAt(0) & H264Rtp.TYPE;
        switch (type) {
            case H264Rtp.STAP_A -> readStapA(packet);
            case H264Rtp.FU_A -> readFuA(packet);
            case H264Rtp.STAP_B, H264Rtp.MTAP16, H264Rtp.MTAP24, H264Rtp.FU_B -> {
                counters.increment(DepacketizeDrop.UNSUPPORTED_PACKET_TYPE);
                damaged = true;
            }
            case 0, 30, 31 -> counters.increment(DepacketizeDrop.RESERVED_NAL_TYPE);
            default -> {
                endUnfinishedFragments();
                builder.addNal(packet.buffer(), packet.offset(), packet.length());
            }
        }
    }

    private void readStapA(RtpPayload packet) {
        StapA.validate(packet);
        endUnfinishedFragments();
        for (int at = 1; at < packet.length(); ) {
            int size = StapA.sizeAt(packet, at);
            builder.addNal(packet.buffer(), packet.offset() + at + H264Rtp.STAP_SIZE_BYTES, size);
            at += H264Rtp.STAP_SIZE_BYTES + size;
        }
    }

    private void readFuA(RtpPayload packet) {
        FuA fu = FuA.parse(packet);
        if (fu.start()) {
            endUnfinishedFragments();
            builder.openNal(fu.nalHeader());
        } else if (!builder.hasOpenNal()) {
            damaged = true; // its start was lost, or the stream was joined in the middle of a NAL unit
            return;
        }
        builder.appendToNal(packet.buffer(), packet.offset() + H264Rtp.FU_HEADER_BYTES,
            packet.length() - H264Rtp.FU_HEADER_BYTES);
        if (fu.end()) {
            builder.closeNal();
        }
    }

    /** A new NAL unit while one in FU-A fragments is open: its end never came, without a gap to blame. */
    private void endUnfinishedFragments() {
        if (builder.hasOpenNal()) {
            builder.abandonOpenNal();
            damaged = true;
        }
    }

    private void finish(Consumer<H264AccessUnit> sink) {
        open = false;
        if (builder.hasOpenNal()) {
            damaged = true;
        }
        if (damaged) {
            counters.increment(DepacketizeDrop.DAMAGED_ACCESS_UNIT);
            builder.clear();
            return;
        }
        if (!builder.hasSlice()) {
            if (builder.size() > MAX_WAITING_BYTES) {
                builder.clear();
            }
            return;
        }
        H264AccessUnit unit = new H264AccessUnit(openTimestamp, builder.hasIdr(), builder.toByteArray(),
            parameterSets.takeChangedAvcC());
        builder.clear();
        sink.accept(unit);
    }
}
