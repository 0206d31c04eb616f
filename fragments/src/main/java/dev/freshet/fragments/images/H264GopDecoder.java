package dev.freshet.fragments.images;

import dev.freshet.fragments.codec.H264Nals;
import dev.freshet.fragments.codec.H264ParameterSets;
import dev.freshet.fragments.codec.H264Sps;
import dev.freshet.fragments.codec.LengthPrefixed;
import dev.freshet.fragments.codec.NalUnit;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;

import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Decodes the frames of one H.264 GOP, in decode order from its IDR frame, with one JCodec
 * {@link H264Decoder}, and turns chosen pictures into cropped RGB images.
 *
 * <p>JCodec facts this class works around: its decoder unescapes NAL units in place, so it is given
 * copies; it decodes 8-bit 4:2:0 progressive streams only, so other formats are refused before it
 * sees them; and each decoder of 0.2.5 owns a thread pool for slice-parallel decoding that is never
 * shut down, so that pool is switched off (slices decode on the calling thread).
 *
 * <p>Not thread-safe: one instance per GOP and thread.
 */
final class H264GopDecoder {

    /** Largest picture decoded: 4096 x 2304 luma samples (a 4K frame with room to spare). */
    static final int MAX_PIXELS = 4096 * 2304;

    private final H264Decoder decoder = newDecoder();
    private final int lengthSize;
    private final boolean disposableSkippable;
    private final byte[][] buffer;
    private final List<NalUnit> parameterSets;
    private boolean first = true;

    private H264GopDecoder(int lengthSize, H264Sps sps, List<NalUnit> parameterSets) {
        this.lengthSize = lengthSize;
        this.disposableSkippable = sps.picOrderCntType() == 0;
        this.buffer = Picture.create(sps.codedWidth(), sps.codedHeight(), ColorSpace.YUV420).getData();
        this.parameterSets = parameterSets;
    }

    /**
     * A decoder for {@code track}'s GOP that starts with {@code keyframe}. Parameter sets in the
     * keyframe win over the avcC's (a decoder meets them last); every SPS must describe a format
     * decoded here, so that no corrupt SPS can make JCodec allocate without bound.
     */
    static H264GopDecoder open(Track track, Frame keyframe) {
        byte[] avcC = track.codecPrivate();
        int lengthSize = avcC.length == 0 ? 4 : H264ParameterSets.nalLengthSize(avcC);
        List<NalUnit> keyNals = LengthPrefixed.split(keyframe.data(), lengthSize);
        if (!H264Nals.containsIdr(keyNals)) {
            throw new UndecodableException(ImageResult.Failure.CORRUPT_DATA, "the GOP does not start with an IDR");
        }
        H264ParameterSets config = avcC.length == 0 ? new H264ParameterSets(List.of(), List.of())
            : H264ParameterSets.fromAvcC(avcC);
        H264ParameterSets inBand = H264ParameterSets.from(keyNals);
        List<NalUnit> allSps = new ArrayList<>(inBand.sps());
        allSps.addAll(config.sps());
        if (allSps.isEmpty() || (inBand.pps().isEmpty() && config.pps().isEmpty())) {
            throw new UndecodableException(ImageResult.Failure.MISSING_CONFIG, "no SPS and PPS in avcC or keyframe");
        }
        allSps.forEach(nal -> checkSupported(H264Sps.parse(nal)));
        return new H264GopDecoder(lengthSize, H264Sps.parse(allSps.get(0)), config.all());
    }

    /**
     * Whether a frame can be left out without changing the pictures after it: no slice of it is a
     * reference (nal_ref_idc 0) and the stream's picture order counts do not depend on it.
     */
    boolean isSkippable(Frame frame) {
        if (!disposableSkippable) {
            return false;
        }
        for (NalUnit nal : LengthPrefixed.split(frame.data(), lengthSize)) {
            if (H264Nals.isSlice(nal) && (nal.byteAt(0) & 0x60) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes the next frame in decode order; its picture when {@code wanted}, else null. Corrupt
     * data makes JCodec throw whatever its code hits (index, null pointer, ..).
     */
    BufferedImage decode(Frame frame, boolean wanted) {
        Picture picture = decoder.decodeFrameFromNals(copies(frame), buffer);
        if (picture == null && wanted) {
            throw new UndecodableException(ImageResult.Failure.CORRUPT_DATA, "no picture in the frame at "
                + frame.timestampMicros());
        }
        return wanted ? AWTUtil.toBufferedImage(picture) : null;
    }

    /**
     * Fresh copies of the frame's NAL units: the avcC's parameter sets first for the first frame;
     * no SPS after it (a new SPS can only take effect at the next IDR, in the next GOP).
     */
    private List<ByteBuffer> copies(Frame frame) {
        List<NalUnit> units = new ArrayList<>(first ? parameterSets : List.of());
        for (NalUnit nal : LengthPrefixed.split(frame.data(), lengthSize)) {
            if (first || nal.h264Type() != H264Nals.SPS) {
                units.add(nal);
            }
        }
        first = false;
        return units.stream().map(nal -> ByteBuffer.wrap(nal.toByteArray())).toList();
    }

    private static void checkSupported(H264Sps sps) {
        String problem = sps.chromaArrayType() != 1 ? "chroma format " + sps.chromaFormatIdc()
            : sps.bitDepthLuma() != 8 || sps.bitDepthChroma() != 8 ? "bit depth " + sps.bitDepthLuma()
            : !sps.frameMbsOnly() ? "interlaced coding"
            : (long) sps.codedWidth() * sps.codedHeight() > MAX_PIXELS ? "size " + sps.width() + "x" + sps.height()
            : null;
        if (problem != null) {
            throw new UndecodableException(ImageResult.Failure.UNSUPPORTED_FORMAT, "H.264 " + problem
                + " (profile " + sps.profileIdc() + ") is not decoded here");
        }
    }

    /** A decoder whose slice thread pool (JCodec 0.2.5 fields {@code threaded}, {@code tp}) is off. */
    private static H264Decoder newDecoder() {
        H264Decoder decoder = new H264Decoder();
        try {
            Field threaded = H264Decoder.class.getDeclaredField("threaded");
            Field pool = H264Decoder.class.getDeclaredField("tp");
            threaded.setAccessible(true);
            pool.setAccessible(true);
            threaded.setBoolean(decoder, false);
            if (pool.get(decoder) instanceof ExecutorService executor) {
                executor.shutdown();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another JCodec version: its pool, if any, stays (daemon threads); decoding still works
        }
        return decoder;
    }
}
