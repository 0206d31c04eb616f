package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.CodecException;
import dev.freshet.fragments.codec.H264Nals;
import dev.freshet.fragments.codec.H264ParameterSets;
import dev.freshet.fragments.codec.LengthPrefixed;
import dev.freshet.fragments.codec.NalUnit;
import dev.freshet.webrtc.MalformedInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Cuts stored H.264 access units (length-prefixed NAL units) into RTP payloads of at most {@code mtu}
 * bytes, packetization mode 1 (RFC 6184 6.3): runs of NAL units that fit together (the SPS and PPS
 * before an IDR) go in one STAP-A (5.7.1), a NAL unit that fits alone in a single NAL unit packet
 * (5.6), a larger one in FU-A fragments of near-equal size (5.8). The last payload of an access unit
 * carries the marker bit.
 *
 * <pre>
 *   in:  | len | SPS | len | PPS | len | IDR slice (3000 B) |            (mtu 1200)
 *   out: [STAP-A: 24 | size | SPS | size | PPS] [FU-A S] [FU-A] [FU-A E, marker]
 * </pre>
 *
 * <p>An IDR access unit without SPS in band (stored frames keep them in the avcC) gets the parameter
 * sets given to {@link #useParameterSets} in front, so a player can start there. Sequence numbers
 * count on from the first one given. Not thread-safe: one per sent H.264 stream.
 */
public final class H264Packetizer {

    /** Below this, even an FU-A carries too little to be worth a packet. */
    static final int MIN_MTU = 16;

    private final int mtu;
    private final int lengthSize;
    private int sequenceNumber;
    private H264ParameterSets parameterSets = new H264ParameterSets(List.of(), List.of());

    /**
     * @param mtu                 the largest RTP payload, e.g. 1200
     * @param lengthSize          the NAL length size of the frames (the avcC's, normally 4)
     * @param firstSequenceNumber the first packet's sequence number (random, RFC 3550 5.1)
     */
    public H264Packetizer(int mtu, int lengthSize, int firstSequenceNumber) {
        if (mtu < MIN_MTU || mtu > 0xFFFF) {
            throw new IllegalArgumentException("mtu " + mtu);
        }
        LengthPrefixed.checkLengthSize(lengthSize);
        this.mtu = mtu;
        this.lengthSize = lengthSize;
        this.sequenceNumber = firstSequenceNumber & 0xFFFF;
    }

    /** The SPS and PPS to send before an IDR access unit that has none in band: the track's avcC. */
    public void useParameterSets(H264ParameterSets sets) {
        this.parameterSets = Objects.requireNonNull(sets, "sets");
    }

    /** The payloads of one access unit, all with {@code rtpTimestamp}; throws for frame data that is not length-prefixed. */
    public List<RtpPayload> packetize(byte[] accessUnit, long rtpTimestamp) {
        List<NalUnit> nals = withParameterSets(split(accessUnit));
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < nals.size(); ) {
            int end = aggregateEnd(nals, i);
            if (end - i >= 2) {
                payloads.add(stapA(nals.subList(i, end)));
                i = end;
            } else {
                NalUnit nal = nals.get(i++);
                if (nal.length() <= mtu) {
                    payloads.add(nal.toByteArray());
                } else {
                    FuAFragments.cut(nal, mtu, payloads);
                }
            }
        }
        return numbered(payloads, rtpTimestamp);
    }

    private List<NalUnit> split(byte[] accessUnit) {
        try {
            return LengthPrefixed.split(accessUnit, lengthSize);
        } catch (CodecException e) {
            throw new MalformedInputException(DepacketizeMalformed.H264_BAD_FRAME_DATA, e.getMessage());
        }
    }

    private List<NalUnit> withParameterSets(List<NalUnit> nals) {
        boolean spsInBand = nals.stream().anyMatch(n -> n.h264Type() == H264Nals.SPS);
        if (spsInBand || parameterSets.isEmpty() || !H264Nals.containsIdr(nals)) {
            return nals;
        }
        List<NalUnit> all = new ArrayList<>(parameterSets.all());
        all.addAll(nals);
        return all;
    }

    /** The end of the run of NAL units from {@code from} that fits in one STAP-A. */
    private int aggregateEnd(List<NalUnit> nals, int from) {
        int size = 1;
        int end = from;
        while (end < nals.size() && size + H264Rtp.STAP_SIZE_BYTES + nals.get(end).length() <= mtu) {
            size += H264Rtp.STAP_SIZE_BYTES + nals.get(end).length();
            end++;
        }
        return end;
    }

    /** F is set if any unit's is, NRI is the highest of the units' (RFC 6184 5.7). */
    private static byte[] stapA(List<NalUnit> nals) {
        int forbidden = 0;
        int nri = 0;
        int size = 1;
        for (NalUnit nal : nals) {
            forbidden |= nal.byteAt(0) & 0x80;
            nri = Math.max(nri, nal.byteAt(0) & 0x60);
            size += H264Rtp.STAP_SIZE_BYTES + nal.length();
        }
        byte[] out = new byte[size];
        out[0] = (byte) (forbidden | nri | H264Rtp.STAP_A);
        int at = 1;
        for (NalUnit nal : nals) {
            out[at] = (byte) (nal.length() >> 8);
            out[at + 1] = (byte) nal.length();
            nal.copyTo(out, at + H264Rtp.STAP_SIZE_BYTES);
            at += H264Rtp.STAP_SIZE_BYTES + nal.length();
        }
        return out;
    }

    private List<RtpPayload> numbered(List<byte[]> payloads, long rtpTimestamp) {
        List<RtpPayload> packets = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            packets.add(RtpPayload.of(sequenceNumber, rtpTimestamp & 0xFFFF_FFFFL, i == payloads.size() - 1,
                payloads.get(i)));
            sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        }
        return packets;
    }
}
