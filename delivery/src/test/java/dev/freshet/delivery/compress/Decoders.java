package dev.freshet.delivery.compress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipInputStream;
import org.xerial.snappy.Snappy;
import org.xerial.snappy.SnappyFramedInputStream;

/** Reference decoders of every CompressionFormat, for tests that read delivered objects back. */
public final class Decoders {

    private Decoders() {
    }

    public static byte[] decode(CompressionFormat format, byte[] compressed) throws IOException {
        InputStream in = new ByteArrayInputStream(compressed);
        return switch (format) {
            case UNCOMPRESSED -> compressed;
            case GZIP -> new GZIPInputStream(in).readAllBytes();
            case ZIP -> unzip(in);
            case SNAPPY -> new SnappyFramedInputStream(in).readAllBytes();
            case HADOOP_SNAPPY -> hadoopSnappy(compressed);
        };
    }

    private static byte[] unzip(InputStream in) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        if (zip.getNextEntry() == null) {
            throw new EOFException("no entry");
        }
        return zip.readAllBytes();
    }

    /**
     * Hadoop's BlockDecompressorStream: blocks of (uncompressed length, then length-prefixed raw
     * Snappy chunks until that many bytes came out), all big-endian 32-bit.
     */
    static byte[] hadoopSnappy(byte[] compressed) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(compressed));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (in.available() > 0) {
            int blockLength = in.readInt();
            int produced = 0;
            while (produced < blockLength) {
                byte[] chunk = new byte[in.readInt()];
                in.readFully(chunk);
                byte[] raw = Snappy.uncompress(chunk);
                out.write(raw);
                produced += raw.length;
            }
        }
        return out.toByteArray();
    }
}
