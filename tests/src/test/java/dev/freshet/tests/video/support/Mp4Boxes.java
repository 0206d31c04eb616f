package dev.freshet.tests.video.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level boxes of an ISO BMFF (MP4) file, by type: enough to tell a plain MP4 ({@code ftyp moov
 * mdat}) from a fragmented one ({@code moof}).
 *
 * <pre>  box = size (u32, 1 = u64 follows, 0 = to the end) | type (4 chars) | [largesize u64] | payload</pre>
 *
 * <p>Stateless; thread-safe.
 */
public final class Mp4Boxes {
    private Mp4Boxes() {
    }

    public static List<String> topLevel(byte[] file) {
        List<String> types = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(file);
        while (b.remaining() >= 8) {
            int start = b.position();
            long size = Integer.toUnsignedLong(b.getInt());
            byte[] type = new byte[4];
            b.get(type);
            if (size == 1) {
                size = b.getLong();
            } else if (size == 0) {
                size = file.length - start;
            }
            types.add(new String(type, StandardCharsets.ISO_8859_1));
            if (size < 8 || start + size > file.length) {
                types.add("(truncated)");
                break;
            }
            b.position((int) (start + size));
        }
        return types;
    }
}
