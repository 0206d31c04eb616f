package dev.freshet.web.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal HTTP/2 client speaking cleartext HTTP/2 with prior knowledge (RFC 9113 §3.3), as the
 * AWS SDK's Netty client does for {@code http://} endpoints: connection preface, SETTINGS, one GET
 * on stream 1. The request headers are HPACK literals without Huffman coding (RFC 7541 §6.2.2);
 * the response status is read from the first header field, which a server encodes from the static
 * table for common statuses.
 */
final class H2PriorKnowledge {

    record Reply(int firstFrameType, int status, String body) {
    }

    static final int DATA = 0x0;
    static final int HEADERS = 0x1;
    static final int SETTINGS = 0x4;
    private static final int END_STREAM = 0x1;
    private static final int END_HEADERS = 0x4;
    private static final int ACK = 0x1;
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** RFC 7541 Appendix A, indexes 8 to 14. */
    private static final Map<Integer, Integer> STATIC_STATUS = Map.of(8, 200, 9, 204, 10, 206, 11, 304, 12, 400,
        13, 404, 14, 500);

    private H2PriorKnowledge() {
    }

    static Reply get(InetSocketAddress address, String path) throws IOException {
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(PREFACE);
            writeFrame(out, SETTINGS, 0, 0, new byte[0]);
            String authority = address.getAddress().getHostAddress() + ":" + address.getPort();
            writeFrame(out, HEADERS, END_STREAM | END_HEADERS, 1, requestHeaders(path, authority));
            out.flush();
            return readReply(new DataInputStream(socket.getInputStream()), out);
        }
    }

    private static Reply readReply(DataInputStream in, OutputStream out) throws IOException {
        int firstType = -1;
        int status = -1;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int length = (in.readUnsignedByte() << 16) | in.readUnsignedShort();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int stream = in.readInt() & 0x7fff_ffff;
            byte[] payload = in.readNBytes(length);
            firstType = firstType < 0 ? type : firstType;
            if (type == SETTINGS && (flags & ACK) == 0) {
                writeFrame(out, SETTINGS, ACK, 0, new byte[0]);
            } else if (stream == 1 && type == HEADERS) {
                status = status(payload);
            } else if (stream == 1 && type == DATA) {
                body.writeBytes(payload);
            }
            if (stream == 1 && (type == HEADERS || type == DATA) && (flags & END_STREAM) != 0) {
                return new Reply(firstType, status, body.toString(StandardCharsets.UTF_8));
            }
        }
    }

    private static int status(byte[] headerBlock) {
        int first = headerBlock[0] & 0xff;
        if ((first & 0x80) == 0) {
            throw new IllegalStateException("expected an indexed :status, got 0x" + Integer.toHexString(first));
        }
        return STATIC_STATUS.getOrDefault(first & 0x7f, -1);
    }

    private static byte[] requestHeaders(String path, String authority) {
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(0x82); // :method GET (static index 2)
        block.write(0x86); // :scheme http (static index 6)
        literal(block, 4, path); // :path (name index 4)
        literal(block, 1, authority); // :authority (name index 1)
        return block.toByteArray();
    }

    /** Literal header field without indexing, indexed name, plain (non-Huffman) value. */
    private static void literal(ByteArrayOutputStream block, int nameIndex, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        block.write(nameIndex);
        block.write(bytes.length);
        block.writeBytes(bytes);
    }

    private static void writeFrame(OutputStream out, int type, int flags, int stream, byte[] payload)
        throws IOException {
        out.write(new byte[] {(byte) (payload.length >>> 16), (byte) (payload.length >>> 8), (byte) payload.length,
            (byte) type, (byte) flags, (byte) (stream >>> 24), (byte) (stream >>> 16), (byte) (stream >>> 8),
            (byte) stream});
        out.write(payload);
    }
}
