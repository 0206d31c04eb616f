package dev.freshet.webrtc.depacketize;

import dev.freshet.fragments.codec.CodecException;
import dev.freshet.fragments.codec.H264ParameterSets;
import dev.freshet.fragments.codec.NalUnit;
import dev.freshet.webrtc.MalformedInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SPS and PPS an H.264 RTP stream has sent in band, as a decoder holds them (a later set with the
 * same id replaces the earlier one), and the avcC that names them once they changed. A parameter set
 * is parsed when it arrives, so a bad one fails the packet that carried it.
 *
 * <p>Not thread-safe: owned by one {@link H264Depacketizer}.
 */
final class ParameterSetTracker {

    private H264ParameterSets current = new H264ParameterSets(List.of(), List.of());
    private byte[] changedAvcC;

    /**
     * Takes in SPS/PPS units and, when they change a complete set, builds its avcC at once; throws
     * {@code h264.bad-parameter-set} (the sets stay as they were) for units the codec parser refuses.
     */
    void accept(List<NalUnit> parameterSets) {
        if (parameterSets.isEmpty()) {
            return;
        }
        List<NalUnit> all = new ArrayList<>(current.all());
        all.addAll(parameterSets);
        try {
            H264ParameterSets merged = H264ParameterSets.from(all);
            if (merged.equals(current)) {
                return;
            }
            boolean complete = !merged.sps().isEmpty() && !merged.pps().isEmpty();
            changedAvcC = complete ? merged.toAvcC(H264AccessUnit.LENGTH_SIZE) : changedAvcC;
            current = merged;
        } catch (CodecException e) {
            throw new MalformedInputException(DepacketizeMalformed.H264_BAD_PARAMETER_SET, e.getMessage());
        }
    }

    H264ParameterSets current() {
        return current;
    }

    /**
     * The avcC (4-byte lengths) of the current sets if they changed since the last call and there is
     * at least one SPS and one PPS to name; otherwise empty, and a change waits for the missing half.
     */
    Optional<byte[]> takeChangedAvcC() {
        Optional<byte[]> taken = Optional.ofNullable(changedAvcC);
        changedAvcC = null;
        return taken;
    }
}
