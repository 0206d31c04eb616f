package dev.freshet.tests.video.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the endless Matroska stream of GetMedia (or the finite one of GetMediaForFragmentList) one
 * fragment at a time, without waiting for the stream to end: each document is
 * {@code EBML header, Segment(Info, Tracks, Cluster, Tags…)}; Segments and Clusters may have unknown
 * sizes (they end where a sibling or a higher-level element starts). A fragment is complete once its
 * Cluster and a Tags element carrying {@code AWS_KINESISVIDEO_FRAGMENT_NUMBER} have both arrived.
 * Tags that carry {@code AWS_KINESISVIDEO_ERROR_ID} without a Cluster are kept as {@link #errors()}.
 *
 * <p>Not thread-safe.
 */
public final class MkvFragmentReader {
    private final InputStream in;
    private byte[] pendingHeader;
    private byte[] ebmlHeader = new byte[0];
    private final List<byte[]> head = new ArrayList<>();
    private byte[] cluster;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final List<Map<String, String>> errors = new ArrayList<>();

    public MkvFragmentReader(InputStream in) {
        this.in = in;
    }

    /** Error tags seen so far (each a SimpleTag map). */
    public List<Map<String, String>> errors() {
        return errors;
    }

    /** The next complete fragment, or null at the end of the stream. */
    public MediaFragment next() throws IOException {
        while (true) {
            byte[] header = nextHeader();
            if (header == null) {
                return null;
            }
            long id = id(header);
            long size = size(header);
            if (id == Ebml.EBML) {
                ebmlHeader = concat(header, readFully(size));
                head.clear();
                cluster = null;
            } else if (id == Ebml.SEGMENT) {
                head.clear();
            } else if (id == Ebml.CLUSTER) {
                cluster = size < 0 ? readUnknownSize(header) : concat(header, readFully(size));
                if (tags.containsKey(MediaFragment.FRAGMENT_NUMBER)) {
                    return emit();
                }
            } else if (id == Ebml.TAGS) {
                MediaFragment done = tags(concat(header, readFully(size)));
                if (done != null) {
                    return done;
                }
            } else if (size < 0) {
                head.add(readUnknownSize(header));
            } else if (cluster == null) {
                head.add(concat(header, readFully(size)));
            } else {
                readFully(size);
            }
        }
    }

    private MediaFragment tags(byte[] element) {
        Mkv.readSimpleTags(element).forEach(tags::put);
        if (tags.containsKey("AWS_KINESISVIDEO_ERROR_ID") && cluster == null) {
            errors.add(new LinkedHashMap<>(tags));
            tags.clear();
            return null;
        }
        if (cluster == null || !tags.containsKey(MediaFragment.FRAGMENT_NUMBER)) {
            return null;
        }
        return emit();
    }

    private MediaFragment emit() {
        MediaFragment fragment = new MediaFragment(ebmlHeader, List.copyOf(head), cluster, Map.copyOf(tags));
        cluster = null;
        tags.clear();
        return fragment;
    }

    /** Reads the children of an unknown-size element until an element of a higher level starts. */
    private byte[] readUnknownSize(byte[] header) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header);
        while (true) {
            byte[] child = nextHeader();
            if (child == null) {
                return out.toByteArray();
            }
            if (Ebml.TOP_LEVEL.contains(id(child))) {
                pendingHeader = child;
                return out.toByteArray();
            }
            out.writeBytes(child);
            long size = size(child);
            out.writeBytes(size < 0 ? readUnknownSize(new byte[0]) : readFully(size));
        }
    }

    private byte[] nextHeader() throws IOException {
        if (pendingHeader != null) {
            byte[] h = pendingHeader;
            pendingHeader = null;
            return h;
        }
        int first = in.read();
        if (first < 0) {
            return null;
        }
        ByteArrayOutputStream h = new ByteArrayOutputStream();
        h.write(first);
        int idLength = length(first);
        if (idLength > 4) {
            throw new IOException("not an EBML element id: 0x" + Integer.toHexString(first));
        }
        h.writeBytes(readFully(idLength - 1));
        int sizeFirst = in.read();
        if (sizeFirst < 0) {
            throw new EOFException("stream ended inside an element header");
        }
        h.write(sizeFirst);
        h.writeBytes(readFully(length(sizeFirst) - 1));
        return h.toByteArray();
    }

    private static long id(byte[] header) {
        int idLength = length(header[0] & 0xFF);
        long id = 0;
        for (int i = 0; i < idLength; i++) {
            id = (id << 8) | (header[i] & 0xFF);
        }
        return id;
    }

    private static long size(byte[] header) {
        Ebml.Header h = Ebml.header(header, 0);
        return h.size();
    }

    private static int length(int firstByte) {
        return firstByte == 0 ? 9 : Integer.numberOfLeadingZeros(firstByte) - 23;
    }

    private byte[] readFully(long size) throws IOException {
        if (size > 64L * 1024 * 1024) {
            throw new IOException("element of " + size + " bytes: larger than any test fragment");
        }
        // not readNBytes: it ends with a zero-length read, which Apache's ChunkedInputStream answers by
        // blocking for the next chunk header when the element ends a chunk (as each GetMedia fragment does)
        byte[] data = new byte[(int) size];
        for (int read = 0; read < data.length; ) {
            int n = in.read(data, read, data.length - read);
            if (n < 0) {
                throw new EOFException("stream ended inside an element");
            }
            read += n;
        }
        return data;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
