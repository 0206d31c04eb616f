package dev.freshet.tests.webrtc.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile datagrams to a WebRTC UDP port from sockets no ICE session knows, of every kind the port
 * tells apart by first byte (RFC 7983): random bytes; STUN-looking messages that are malformed, or
 * binding requests with an unknown username, or with a live session's username and a wrong
 * MESSAGE-INTEGRITY; DTLS-looking junk records; RTP and RTCP-looking packets, some carrying a live
 * publisher's SSRC. Seeded, so a run sends the same bytes each time.
 *
 * <p>Not thread-safe: one sender per instance.
 */
public final class UdpGarbage implements AutoCloseable {

    /** What a datagram pretends to be. */
    public enum Kind {
        RANDOM, STUN_MALFORMED, STUN_UNKNOWN_USER, STUN_BAD_INTEGRITY, DTLS_JUNK, RTP_JUNK, RTCP_JUNK
    }

    private static final int MAGIC_COOKIE = 0x2112A442;

    private final Random random;
    private final InetSocketAddress target;
    private final String knownUsername;
    private final long knownSsrc;
    private final List<DatagramSocket> sockets = new ArrayList<>();
    private final Map<Kind, Integer> sent = new EnumMap<>(Kind.class);

    /**
     * @param seed          of every random choice
     * @param target        the WebRTC port
     * @param sources       local addresses to send from (a socket on each)
     * @param knownUsername a live session's STUN username ({@code serverUfrag:peerUfrag}), to send with a bad MAC
     * @param knownSsrc     a live publisher's SSRC, to spoof from an unknown address
     */
    public UdpGarbage(long seed, InetSocketAddress target, List<InetSocketAddress> sources, String knownUsername,
                      long knownSsrc) {
        this.random = new Random(seed);
        this.target = target;
        this.knownUsername = knownUsername;
        this.knownSsrc = knownSsrc;
        try {
            for (InetSocketAddress source : sources) {
                sockets.add(new DatagramSocket(source));
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code count} datagrams of each kind, interleaved, pausing 1 ms after every
     * {@code burst} (pacing only: a rate the port's receive buffer absorbs, as a real flood's would not).
     */
    public void send(int count, int burst) throws IOException, InterruptedException {
        Kind[] kinds = Kind.values();
        for (int i = 0; i < count * kinds.length; i++) {
            Kind kind = kinds[i % kinds.length];
            byte[] datagram = datagram(kind);
            sockets.get(random.nextInt(sockets.size())).send(new DatagramPacket(datagram, datagram.length, target));
            sent.merge(kind, 1, Integer::sum);
            if (i % burst == burst - 1) {
                Thread.sleep(1);
            }
        }
    }

    /** Datagrams sent, all kinds. */
    public int sent() {
        return sent.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Datagrams sent of one kind. */
    public int sent(Kind kind) {
        return sent.getOrDefault(kind, 0);
    }

    private byte[] datagram(Kind kind) {
        return switch (kind) {
            case RANDOM -> bytes(1 + random.nextInt(1400));
            case STUN_MALFORMED -> stunMalformed();
            case STUN_UNKNOWN_USER -> bindingRequest("nobody" + random.nextInt(1000) + ":nothing");
            case STUN_BAD_INTEGRITY -> bindingRequest(knownUsername);
            case DTLS_JUNK -> dtlsJunk();
            case RTP_JUNK -> rtpJunk((random.nextBoolean() ? 0x80 : 0) | (random.nextBoolean() ? 96 : random.nextInt(64)),
                random.nextBoolean());
            case RTCP_JUNK -> rtpJunk(200 + random.nextInt(7), random.nextBoolean());
        };
    }

    /** First byte 0 or 1, the magic cookie, then a length that lies and attributes that do not parse. */
    private byte[] stunMalformed() {
        byte[] datagram = bytes(20 + random.nextInt(200));
        datagram[0] = (byte) random.nextInt(2);
        ByteBuffer.wrap(datagram).putInt(4, MAGIC_COOKIE);
        return datagram;
    }

    /** A binding request with USERNAME, a MESSAGE-INTEGRITY of random bytes and a FINGERPRINT of zeros. */
    private byte[] bindingRequest(String username) {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        int userPadded = user.length + 3 & ~3;
        int attributes = 4 + userPadded + 4 + 20 + 4 + 4;
        ByteBuffer stun = ByteBuffer.allocate(20 + attributes);
        stun.putShort((short) 0x0001).putShort((short) attributes).putInt(MAGIC_COOKIE).put(bytes(12));
        stun.putShort((short) 0x0006).putShort((short) user.length).put(user).put(new byte[userPadded - user.length]);
        stun.putShort((short) 0x0008).putShort((short) 20).put(bytes(20));
        stun.putShort((short) 0x8028).putShort((short) 4).putInt(0);
        return stun.array();
    }

    /** A record header's content type 20..63, then random bytes; half with the DTLS 1.2 version. */
    private byte[] dtlsJunk() {
        byte[] datagram = bytes(13 + random.nextInt(300));
        datagram[0] = (byte) (20 + random.nextInt(44));
        if (random.nextBoolean()) {
            datagram[1] = (byte) 0xFE;
            datagram[2] = (byte) 0xFD;
        }
        return datagram;
    }

    /**
     * First byte 128..191, the given second byte (marker and payload type 96 or 0..63, so not RTCP's
     * range; or an RTCP packet type), maybe a live SSRC, random rest.
     */
    private byte[] rtpJunk(int secondByte, boolean liveSsrc) {
        byte[] datagram = bytes(12 + random.nextInt(1200));
        datagram[0] = (byte) (128 + random.nextInt(64));
        datagram[1] = (byte) secondByte;
        if (liveSsrc) {
            ByteBuffer.wrap(datagram).putInt(8, (int) knownSsrc);
        }
        return datagram;
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        sockets.forEach(DatagramSocket::close);
    }
}
