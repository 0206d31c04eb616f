package dev.freshet.fragments.codec;

import java.io.ByteArrayOutputStream;

/** Writes RBSP bit fields for tests, then escapes them into NAL unit payload bytes. */
final class BitWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int bits;

    BitWriter u(int n, long value) {
        for (int i = n - 1; i >= 0; i--) {
            bit((int) (value >>> i) & 1);
        }
        return this;
    }

    BitWriter flag(boolean value) {
        return bit(value ? 1 : 0);
    }

    BitWriter ue(long value) {
        long codeNum = value + 1;
        int length = 63 - Long.numberOfLeadingZeros(codeNum);
        u(length, 0);
        return u(length + 1, codeNum);
    }

    BitWriter se(long value) {
        return ue(value > 0 ? 2 * value - 1 : -2 * value);
    }

    BitWriter bytes(byte[] data) {
        for (byte b : data) {
            u(8, b & 0xFF);
        }
        return this;
    }

    BitWriter bit(int bit) {
        current = (current << 1) | bit;
        if (++bits == 8) {
            out.write(current);
            current = 0;
            bits = 0;
        }
        return this;
    }

    /** rbsp_trailing_bits() and the NAL unit: {@code header} bytes, then the escaped RBSP. */
    byte[] nal(int... header) {
        bit(1);
        while (bits != 0) {
            bit(0);
        }
        ByteArrayOutputStream nal = new ByteArrayOutputStream();
        for (int h : header) {
            nal.write(h);
        }
        int zeros = 0;
        for (byte b : out.toByteArray()) {
            if (zeros >= 2 && (b & 0xFF) <= 3) {
                nal.write(3);
                zeros = 0;
            }
            nal.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return nal.toByteArray();
    }
}
