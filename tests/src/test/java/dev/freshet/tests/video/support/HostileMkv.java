package dev.freshet.tests.video.support;

import java.util.Arrays;
import java.util.Random;

/**
 * Doctored Matroska pieces for the bad-input tests, made from a sample's stream file without changing
 * any element size (values rewritten in place, elements turned into Void of the same length), so only the
 * intended defect differs from a valid upload. The sample files carry no CRC-32 elements, so no checksum
 * gives the defect away first.
 *
 * <p>Stateless; thread-safe.
 */
public final class HostileMkv {
    private HostileMkv() {
    }

    /** A copy of cluster {@code index} whose Timecode says {@code timecodeMillis} (1 ms timecode scale). */
    public static byte[] clusterWithTimecode(Mkv mkv, int index, long timecodeMillis) {
        byte[] copy = mkv.bytes().clone();
        Mkv.Cluster cluster = mkv.clusters().get(index);
        Ebml.writeUnsigned(copy, cluster.timecode(), timecodeMillis * 1_000_000 / mkv.timecodeScaleNanos());
        return Arrays.copyOfRange(copy, (int) cluster.offset(), (int) cluster.end());
    }

    /** The head (EBML header … Tracks) with the CodecPrivate of the video track turned into Void. */
    public static byte[] headWithoutVideoCodecPrivate(Mkv mkv) {
        byte[] copy = mkv.bytes().clone();
        Ebml.voidOut(copy, mkv.videoTrack().codecPrivate());
        return Arrays.copyOf(copy, mkv.head().length);
    }

    /** A copy of cluster {@code index} whose video keyframe block is Void: only frames that reference it remain. */
    public static byte[] clusterWithoutKeyframe(Mkv mkv, int index) {
        byte[] copy = mkv.bytes().clone();
        Mkv.Cluster cluster = mkv.clusters().get(index);
        long track = mkv.videoTrack().number();
        Mkv.Block keyframe = cluster.blocks().stream().filter(b -> b.track() == track && b.keyframe()).findFirst()
                .orElseThrow();
        Ebml.voidOut(copy, keyframe.element());
        return Arrays.copyOfRange(copy, (int) cluster.offset(), (int) cluster.end());
    }

    /**
     * The header of a Cluster announcing 2^48 bytes (about 281 TB), followed by its Timecode: a server
     * that trusts the size to allocate or to wait for the end of the element is in trouble.
     */
    public static byte[] giantClusterStart(long timecodeMillis) {
        byte[] header = Ebml.header(Ebml.CLUSTER, (1L << 48) - 1, 8);
        byte[] timecode = Ebml.unsignedElement(Ebml.TIMECODE, timecodeMillis);
        byte[] out = Arrays.copyOf(header, header.length + timecode.length);
        System.arraycopy(timecode, 0, out, header.length, timecode.length);
        return out;
    }

    /** Bytes that cannot start an EBML element (a zero byte is no valid id), then pseudo-random noise. */
    public static byte[] garbage(int length, long seed) {
        byte[] out = new byte[length];
        new Random(seed).nextBytes(out);
        Arrays.fill(out, 0, Math.min(16, length), (byte) 0);
        return out;
    }
}
