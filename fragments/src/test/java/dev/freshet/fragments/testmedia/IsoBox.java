package dev.freshet.fragments.testmedia;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A read-only view of one ISO BMFF box in a byte array, for tests: walks children and reads
 * big-endian fields relative to the payload start (after the 8-byte header; a FullBox's version and
 * flags are payload bytes 0..3).
 */
public record IsoBox(String type, byte[] data, int start, int payload, int end) {

    private static final List<String> CONTAINERS = List.of("moov", "trak", "mdia", "minf", "stbl", "dinf", "edts",
        "mvex", "moof", "traf");

    /** The top-level boxes of a file. */
    public static List<IsoBox> parse(byte[] data) {
        return parse(data, 0, data.length);
    }

    static List<IsoBox> parse(byte[] data, int from, int to) {
        List<IsoBox> boxes = new ArrayList<>();
        for (int at = from; at + 8 <= to; ) {
            long size = u32(data, at);
            int header = 8;
            if (size == 1) {
                size = (u32(data, at + 8) << 32) | u32(data, at + 12);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            String type = new String(data, at + 4, 4, StandardCharsets.ISO_8859_1);
            int end = (int) Math.min(to, at + size);
            boxes.add(new IsoBox(type, data, at, at + header, end));
            at = end;
        }
        return boxes;
    }

    public List<IsoBox> children() {
        return CONTAINERS.contains(type) ? parse(data, payload, end) : List.of();
    }

    /** Children starting at a payload offset (sample entries, stsd). */
    public List<IsoBox> childrenAt(int payloadOffset) {
        return parse(data, payload + payloadOffset, end);
    }

    public IsoBox child(String path) {
        IsoBox box = this;
        for (String name : path.split("/")) {
            box = box.children().stream().filter(b -> b.type.equals(name)).findFirst().orElse(null);
            if (box == null) {
                return null;
            }
        }
        return box;
    }

    public List<IsoBox> all(String childType) {
        return children().stream().filter(b -> b.type.equals(childType)).toList();
    }

    public int size() {
        return end - start;
    }

    public int payloadSize() {
        return end - payload;
    }

    public int u8(int offset) {
        return data[payload + offset] & 0xFF;
    }

    public int u16(int offset) {
        return (u8(offset) << 8) | u8(offset + 1);
    }

    public long u32(int offset) {
        return u32(data, payload + offset);
    }

    public long u64(int offset) {
        return (u32(offset) << 32) | u32(offset + 4);
    }

    public byte[] payloadBytes() {
        return java.util.Arrays.copyOfRange(data, payload, end);
    }

    public byte[] bytes() {
        return java.util.Arrays.copyOfRange(data, start, end);
    }

    private static long u32(byte[] data, int at) {
        return ((long) (data[at] & 0xFF) << 24) | ((data[at + 1] & 0xFF) << 16) | ((data[at + 2] & 0xFF) << 8)
            | (data[at + 3] & 0xFF);
    }
}
