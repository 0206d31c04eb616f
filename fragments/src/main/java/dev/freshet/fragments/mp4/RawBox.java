package dev.freshet.fragments.mp4;

/**
 * A box whose payload is given as bytes: decoder configuration records copied verbatim from a
 * track's CodecPrivate ({@code avcC}: ISO/IEC 14496-15 5.3.3, {@code hvcC}: 8.3.3). Holds the array
 * without copying; thread-safe as long as nobody modifies it.
 */
record RawBox(String type, byte[] payload) implements Box {

    @Override
    public int size() {
        return 8 + payload.length;
    }

    @Override
    public void write(BoxBuffer out) {
        out.header(size(), type);
        out.bytes(payload);
    }
}
