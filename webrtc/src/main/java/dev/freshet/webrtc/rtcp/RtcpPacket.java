package dev.freshet.webrtc.rtcp;

/**
 * One RTCP packet of a type this package knows. Each type also has a static
 * {@code decode(byte[], int, int)} for one packet that fills the given bytes exactly;
 * {@link RtcpCompound} reads and writes several.
 */
public sealed interface RtcpPacket
        permits SenderReport, ReceiverReport, Sdes, Bye, GenericNack, PictureLossIndication, FullIntraRequest,
        Remb, TransportCc {

    /** The bytes {@link #encodeTo} writes, a multiple of 4. */
    int encodedSize();

    /** Writes the packet (without padding) to {@code out} at {@code at}; returns the bytes written. */
    int encodeTo(byte[] out, int at);

    /** The packet in a new array of its size. */
    default byte[] encode() {
        byte[] out = new byte[encodedSize()];
        encodeTo(out, 0);
        return out;
    }
}
