package dev.freshet.fragments.ts;

import java.util.List;

/**
 * The program-specific information every HLS transport segment starts with (ISO/IEC 13818-1
 * 2.4.4): a PAT naming one program whose PMT lists the elementary streams. Immutable; thread-safe.
 *
 * <pre>
 *  PAT (PID 0):  table_id 0x00 | '1' '0' '11' section_length(12) | transport_stream_id = 1
 *                | '11' version(5) = 0 current_next = 1 | section_number 0 | last_section_number 0
 *                | program_number = 1 | '111' program_map_PID(13) | CRC_32
 *  PMT:          table_id 0x02 | '1' '0' '11' section_length(12) | program_number = 1
 *                | '11' version 0 current 1 | 0 | 0 | '111' PCR_PID(13) | '1111' program_info_length = 0
 *                | { stream_type | '111' elementary_PID(13) | '1111' ES_info_length = 0 } * | CRC_32
 * </pre>
 */
final class ProgramTables {

    static final int PAT_PID = 0;
    static final int PMT_PID = 0x1000;
    private static final int PROGRAM = 1;

    private ProgramTables() {
    }

    static byte[] pat() {
        byte[] section = header(0x00, 4, 1);
        put16(section, 8, PROGRAM);
        put16(section, 10, 0xE000 | PMT_PID);
        return withCrc(section);
    }

    static byte[] pmt(List<ElementaryStream> streams, int pcrPid) {
        byte[] section = header(0x02, 4 + 5 * streams.size(), PROGRAM);
        put16(section, 8, 0xE000 | pcrPid);
        put16(section, 10, 0xF000);
        int at = 12;
        for (ElementaryStream stream : streams) {
            section[at] = (byte) stream.streamType();
            put16(section, at + 1, 0xE000 | stream.pid());
            put16(section, at + 3, 0xF000);
            at += 5;
        }
        return withCrc(section);
    }

    /** A section with {@code bodyLength} bytes between the 8 common header bytes and the CRC. */
    private static byte[] header(int tableId, int bodyLength, int idExtension) {
        byte[] section = new byte[8 + bodyLength + 4];
        int sectionLength = section.length - 3;
        section[0] = (byte) tableId;
        put16(section, 1, 0xB000 | sectionLength);
        put16(section, 3, idExtension);
        section[5] = (byte) 0xC1;
        return section;
    }

    private static byte[] withCrc(byte[] section) {
        int crc = Crc32Mpeg2.compute(section, 0, section.length - 4);
        put16(section, section.length - 4, crc >>> 16);
        put16(section, section.length - 2, crc);
        return section;
    }

    private static void put16(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 8);
        bytes[at + 1] = (byte) value;
    }
}
