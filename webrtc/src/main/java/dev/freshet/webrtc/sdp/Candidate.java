package dev.freshet.webrtc.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static dev.freshet.webrtc.sdp.SdpValues.fields;
import static dev.freshet.webrtc.sdp.SdpValues.malformed;
import static dev.freshet.webrtc.sdp.SdpValues.parseInt;
import static dev.freshet.webrtc.sdp.SdpValues.parseLong;
import static dev.freshet.webrtc.sdp.SdpValues.quote;

/**
 * An ICE candidate, {@code a=candidate} (RFC 8839 section 5.1), also the {@code candidate} string of a trickled
 * RTCIceCandidate (WHIP PATCH, KVS ICE_CANDIDATE).
 *
 * <pre>
 *   candidate:&lt;foundation&gt; &lt;component&gt; &lt;udp|tcp&gt; &lt;priority&gt; &lt;address&gt; &lt;port&gt; typ &lt;host|srflx|prflx|relay&gt;
 *             [raddr &lt;address&gt;] [rport &lt;port&gt;] [tcptype &lt;active|passive|so&gt;] *(&lt;name&gt; &lt;value&gt;)
 * </pre>
 *
 * Browsers may put an mDNS name ({@code <uuid>.local}) in the address; it is kept as text.
 *
 * @param foundation     1..32 ice-chars
 * @param component      1 for RTP (the only one with rtcp-mux)
 * @param transport      UDP or TCP, whatever case the peer used
 * @param priority       0..2^32-1
 * @param address        IP address or mDNS name
 * @param port           0..65535 (TCP active candidates use 9 or 0)
 * @param type           candidate type
 * @param relatedAddress {@code raddr}, empty when absent
 * @param relatedPort    {@code rport}, -1 when absent
 * @param tcpType        {@code tcptype}, empty when absent
 * @param extensions     other name/value pairs in order ({@code generation}, {@code ufrag}, {@code network-cost}...)
 */
public record Candidate(String foundation, int component, Transport transport, long priority, String address,
                        int port, Type type, String relatedAddress, int relatedPort, String tcpType,
                        Map<String, String> extensions) {

    /** Candidate transport protocol. */
    public enum Transport { UDP, TCP }

    /** Candidate type (RFC 8445 section 5.1.1). */
    public enum Type { HOST, SRFLX, PRFLX, RELAY }

    public Candidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(relatedAddress, "relatedAddress");
        Objects.requireNonNull(tcpType, "tcpType");
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** A host candidate on a UDP port with the RFC 8445 section 5.1.2.1 priority for the only local address. */
    public static Candidate host(String foundation, String address, int port) {
        long priority = (126L << 24) | (65535L << 8) | 255;
        return new Candidate(foundation, 1, Transport.UDP, priority, address, port, Type.HOST, "", -1, "", Map.of());
    }

    /** Parses the attribute value; a leading {@code candidate:} (as trickled candidates carry) is skipped. */
    public static Candidate parse(String value) {
        String body = value.startsWith("candidate:") ? value.substring("candidate:".length()) : value;
        String[] f = fields(body);
        if (f.length < 8 || !f[6].equals("typ") || (f.length - 8) % 2 != 0) {
            throw malformed(SdpMalformed.BAD_CANDIDATE, "not 'foundation component transport priority address "
                + "port typ type [name value]*': " + quote(value));
        }
        if (!f[0].matches("[A-Za-z0-9+/]{1,32}")) {
            throw malformed(SdpMalformed.BAD_CANDIDATE, "bad foundation " + quote(f[0]));
        }
        int component = parseInt(f[1], 1, 256, SdpMalformed.BAD_CANDIDATE, "component");
        Transport transport = enumValue(Transport.class, f[2]);
        long priority = parseLong(f[3], 0, 0xFFFF_FFFFL, SdpMalformed.BAD_CANDIDATE, "priority");
        int port = parseInt(f[5], 0, 65535, SdpMalformed.BAD_CANDIDATE, "port");
        Type type = enumValue(Type.class, f[7]);
        return withOptionalFields(new Candidate(f[0], component, transport, priority, f[4], port, type, "", -1, "",
            Map.of()), f);
    }

    private static Candidate withOptionalFields(Candidate base, String[] f) {
        String raddr = "";
        int rport = -1;
        String tcpType = "";
        Map<String, String> extensions = new LinkedHashMap<>();
        for (int i = 8; i < f.length; i += 2) {
            switch (f[i]) {
                case "raddr" -> raddr = f[i + 1];
                case "rport" -> rport = parseInt(f[i + 1], 0, 65535, SdpMalformed.BAD_CANDIDATE, "rport");
                case "tcptype" -> tcpType = f[i + 1];
                default -> extensions.put(f[i], f[i + 1]);
            }
        }
        return new Candidate(base.foundation, base.component, base.transport, base.priority, base.address,
            base.port, base.type, raddr, rport, tcpType, extensions);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String token) {
        try {
            return Enum.valueOf(type, token.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed(SdpMalformed.BAD_CANDIDATE, "unknown " + type.getSimpleName() + " " + quote(token));
        }
    }

    /** The attribute value, without the {@code candidate:} name. */
    public String format() {
        StringBuilder sb = new StringBuilder().append(foundation).append(' ').append(component).append(' ')
            .append(transport.name().toLowerCase(Locale.ROOT)).append(' ').append(priority).append(' ')
            .append(address).append(' ').append(port).append(" typ ").append(type.name().toLowerCase(Locale.ROOT));
        if (!relatedAddress.isEmpty()) {
            sb.append(" raddr ").append(relatedAddress);
        }
        if (relatedPort >= 0) {
            sb.append(" rport ").append(relatedPort);
        }
        if (!tcpType.isEmpty()) {
            sb.append(" tcptype ").append(tcpType);
        }
        extensions.forEach((k, v) -> sb.append(' ').append(k).append(' ').append(v));
        return sb.toString();
    }
}
