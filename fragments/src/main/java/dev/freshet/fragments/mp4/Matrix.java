package dev.freshet.fragments.mp4;

/** The identity transformation matrix of {@code mvhd} and {@code tkhd} (ISO/IEC 14496-12 6.2.2). */
final class Matrix {

    private static final int[] UNITY = {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000};

    static final int SIZE = 36;

    private Matrix() {
    }

    static void writeUnity(BoxBuffer out) {
        for (int value : UNITY) {
            out.u32(value);
        }
    }
}
