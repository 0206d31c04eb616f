package dev.freshet.tests.video.support;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One fragment as GetMedia or GetMediaForFragmentList sends it: the document head it belongs to (EBML
 * header, Info, Tracks…), its Cluster, and the {@code AWS_KINESISVIDEO_*} SimpleTags that came with it.
 *
 * @param ebmlHeader the EBML header element of the document
 * @param level1 the Segment's elements before the Cluster (Info, Tracks, …), each complete
 * @param cluster the Cluster element, complete
 * @param tags SimpleTag name → value sent with this fragment
 */
public record MediaFragment(byte[] ebmlHeader, List<byte[]> level1, byte[] cluster, Map<String, String> tags) {
    public static final String FRAGMENT_NUMBER = "AWS_KINESISVIDEO_FRAGMENT_NUMBER";
    public static final String SERVER_TIMESTAMP = "AWS_KINESISVIDEO_SERVER_TIMESTAMP";
    public static final String PRODUCER_TIMESTAMP = "AWS_KINESISVIDEO_PRODUCER_TIMESTAMP";
    public static final String MILLIS_BEHIND_NOW = "AWS_KINESISVIDEO_MILLIS_BEHIND_NOW";
    public static final String CONTINUATION_TOKEN = "AWS_KINESISVIDEO_CONTINUATION_TOKEN";

    public String fragmentNumber() {
        return tags.get(FRAGMENT_NUMBER);
    }

    /** A timestamp tag (decimal epoch seconds) in epoch milliseconds. */
    public long timestampMillis(String tag) {
        String value = tags.get(tag);
        if (value == null) {
            throw new AssertionError("fragment " + fragmentNumber() + " has no " + tag + " tag: " + tags);
        }
        return new BigDecimal(value).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The fragment as a standalone Matroska file: EBML header, a Segment of unknown size, the head
     * elements and the Cluster, which any Matroska reader (ffprobe) opens.
     */
    public byte[] standalone() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ebmlHeader);
        out.writeBytes(new byte[] {0x18, 0x53, (byte) 0x80, 0x67, 0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        level1.forEach(out::writeBytes);
        out.writeBytes(cluster);
        return out.toByteArray();
    }

    public Mkv mkv() {
        return new Mkv(standalone());
    }

    /** Writes {@link #standalone()} to a new file under the samples directory and returns its path. */
    public String writeTemp() {
        return writeTo(MediaSamples.tempFile("fragment", ".mkv")).toString();
    }

    public Path writeTo(Path file) {
        try {
            return Files.write(file, standalone());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "MediaFragment" + tags + " cluster " + cluster.length + " bytes";
    }
}
