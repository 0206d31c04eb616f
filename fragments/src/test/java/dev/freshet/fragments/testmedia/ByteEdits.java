package dev.freshet.fragments.testmedia;

/** Edits of byte arrays for tests that damage media on purpose. */
public final class ByteEdits {

    private ByteEdits() {
    }

    /** {@code in} with {@code remove} octets at {@code at} replaced by {@code insert}. */
    public static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }
}
