package dev.freshet.fragments.ts;

/**
 * Writes PES packets (ISO/IEC 13818-1 2.4.3.6) and PSI sections straight into 188-byte transport
 * packets (2.4.3.2) of a presized segment buffer, so PES payload is copied once.
 *
 * <pre>
 *  TS packet: 47 | TEI 0, PUSI, priority 0, PID(13) | scrambling 00, adaptation_field_control, CC(4)
 *             [adaptation field] payload                                       (188 bytes in all)
 *  adaptation field: u8 length | flags (0x40 random_access, 0x10 PCR) | [PCR: 33b base, 6b '1', 9b ext]
 *                    | stuffing 0xFF...    (a 1-byte field is just length 0)
 *  PES: 00 00 01 stream_id | u16 PES_packet_length (0 = unbounded video) | 0x80
 *       | PTS_DTS_flags (0x80 PTS, 0xC0 PTS+DTS) | header_data_length | PTS (5) | [DTS (5)]
 *  timestamp (5 bytes): 4b prefix | ts[32..30] 1 | ts[29..15] 1 | ts[14..0] 1
 * </pre>
 *
 * The first packet of a PES carries PUSI and, when asked, the PCR and random access indicator;
 * stuffing goes into the adaptation field of its last packet. Continuity counters come from the
 * {@link TsSession}.
 *
 * <p>Not thread-safe: one per segment being written.
 */
final class PesPacketizer {

    static final int PACKET_SIZE = 188;
    private static final int PAYLOAD = 184;
    private static final long TIMESTAMP_MASK = (1L << 33) - 1;

    private final byte[] out;
    private final TsSession session;
    private final byte[] header = new byte[19];
    private int position;
    private int pid;
    private int pesRemaining;
    private int packetRemaining;
    private boolean firstPacket;
    private long pcrBase;
    private boolean randomAccess;

    PesPacketizer(byte[] out, TsSession session) {
        this.out = out;
        this.session = session;
    }

    /** Size of a PES header with PTS, and DTS when they differ. */
    static int headerSize(boolean withDts) {
        return withDts ? 19 : 14;
    }

    /** Transport packets a PES of {@code pesLength} bytes needs. */
    static int packets(int pesLength, boolean pcr, boolean randomAccess) {
        int first = PAYLOAD - adaptationBase(pcr, randomAccess);
        return pesLength <= first ? 1 : 1 + (pesLength - first + PAYLOAD - 1) / PAYLOAD;
    }

    private static int adaptationBase(boolean pcr, boolean randomAccess) {
        return pcr ? 8 : randomAccess ? 2 : 0;
    }

    /**
     * Starts a PES packet; its payload of {@code payloadLength} bytes follows through {@link #write}.
     *
     * @param pcrBase the PCR base (90 kHz) for the first packet's adaptation field, or -1 for none
     */
    void startPes(int pid, int streamId, int payloadLength, long pts, long dts, long pcrBase, boolean randomAccess) {
        boolean withDts = pts != dts;
        this.pid = pid;
        this.pesRemaining = headerSize(withDts) + payloadLength;
        this.packetRemaining = 0;
        this.firstPacket = true;
        this.pcrBase = pcrBase;
        this.randomAccess = randomAccess;
        pesHeader(streamId, payloadLength, pts, dts);
        write(header, 0, headerSize(withDts));
    }

    private void pesHeader(int streamId, int payloadLength, long pts, long dts) {
        boolean withDts = pts != dts;
        int length = headerSize(withDts) - 6 + payloadLength;
        header[0] = 0;
        header[1] = 0;
        header[2] = 1;
        header[3] = (byte) streamId;
        header[4] = (byte) (length > 0xFFFF ? 0 : length >>> 8);
        header[5] = (byte) (length > 0xFFFF ? 0 : length);
        header[6] = (byte) 0x80;
        header[7] = (byte) (withDts ? 0xC0 : 0x80);
        header[8] = (byte) (withDts ? 10 : 5);
        timestamp(9, withDts ? 0x3 : 0x2, pts);
        if (withDts) {
            timestamp(14, 0x1, dts);
        }
    }

    /** A small array for a payload's own headers (ADTS), free to overwrite until the next call here. */
    byte[] scratch() {
        return header;
    }

    private void timestamp(int at, int prefix, long ts) {
        long t = ts & TIMESTAMP_MASK;
        header[at] = (byte) ((prefix << 4) | ((t >>> 29) & 0x0E) | 1);
        header[at + 1] = (byte) (t >>> 22);
        header[at + 2] = (byte) (((t >>> 14) & 0xFE) | 1);
        header[at + 3] = (byte) (t >>> 7);
        header[at + 4] = (byte) (((t << 1) & 0xFE) | 1);
    }

    /** Writes PES bytes, opening transport packets as needed. */
    void write(byte[] source, int offset, int length) {
        while (length > 0) {
            if (packetRemaining == 0) {
                startPacket();
            }
            int n = Math.min(length, packetRemaining);
            System.arraycopy(source, offset, out, position, n);
            position += n;
            offset += n;
            length -= n;
            packetRemaining -= n;
            pesRemaining -= n;
        }
    }

    private void startPacket() {
        boolean pcr = firstPacket && pcrBase >= 0;
        int base = firstPacket ? adaptationBase(pcr, randomAccess) : 0;
        int payload = Math.min(pesRemaining, PAYLOAD - base);
        int adaptation = PAYLOAD - payload;
        packetHeader(firstPacket, adaptation > 0);
        if (adaptation > 0) {
            adaptationField(adaptation, firstPacket && randomAccess, pcr);
        }
        firstPacket = false;
        packetRemaining = payload;
    }

    private void packetHeader(boolean unitStart, boolean adaptation) {
        out[position++] = 0x47;
        out[position++] = (byte) ((unitStart ? 0x40 : 0) | (pid >>> 8));
        out[position++] = (byte) pid;
        out[position++] = (byte) ((adaptation ? 0x30 : 0x10) | session.nextContinuityCounter(pid));
    }

    private void adaptationField(int size, boolean randomAccessPoint, boolean pcr) {
        int end = position + size;
        out[position++] = (byte) (size - 1);
        if (size > 1) {
            out[position++] = (byte) ((randomAccessPoint ? 0x40 : 0) | (pcr ? 0x10 : 0));
        }
        if (pcr) {
            long base = pcrBase & TIMESTAMP_MASK;
            out[position++] = (byte) (base >>> 25);
            out[position++] = (byte) (base >>> 17);
            out[position++] = (byte) (base >>> 9);
            out[position++] = (byte) (base >>> 1);
            out[position++] = (byte) (((base & 1) << 7) | 0x7E);
            out[position++] = 0;
        }
        while (position < end) {
            out[position++] = (byte) 0xFF;
        }
    }

    /** Writes a PSI section (at most 183 bytes) as one packet: pointer_field 0, section, 0xFF fill. */
    void section(int pid, byte[] section) {
        this.pid = pid;
        int end = position + PACKET_SIZE;
        packetHeader(true, false);
        out[position++] = 0;
        System.arraycopy(section, 0, out, position, section.length);
        position += section.length;
        while (position < end) {
            out[position++] = (byte) 0xFF;
        }
    }

    int position() {
        return position;
    }
}
