package dev.freshet.webrtc.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a media section says about the RTP streams its writer sends: SSRCs (RFC 5576), the MediaStream id
 * (RFC 8830) and simulcast layers (RFC 8851, RFC 8853).
 *
 * @param ssrcs      {@code a=ssrc} lines
 * @param ssrcGroups {@code a=ssrc-group} lines
 * @param msid       {@code a=msid} value ({@code <stream> <track>}), empty when absent
 * @param rids       {@code a=rid} lines
 * @param simulcast  {@code a=simulcast} value, empty when absent
 */
public record MediaSources(List<SsrcAttribute> ssrcs, List<SsrcGroup> ssrcGroups, String msid, List<Rid> rids,
                           String simulcast) {

    public static final MediaSources NONE = new MediaSources(List.of(), List.of(), "", List.of(), "");

    public MediaSources {
        ssrcs = List.copyOf(ssrcs);
        ssrcGroups = List.copyOf(ssrcGroups);
        Objects.requireNonNull(msid, "msid");
        rids = List.copyOf(rids);
        Objects.requireNonNull(simulcast, "simulcast");
    }

    /** Whether the writer asks for simulcast, which Freshet does not support. */
    public boolean asksForSimulcast() {
        return !rids.isEmpty() || !simulcast.isEmpty();
    }

    /** The media SSRC: first of the FID group, else the first {@code a=ssrc}. */
    public OptionalLong primarySsrc() {
        return fidGroup().map(g -> OptionalLong.of(g.ssrcs().get(0)))
            .orElseGet(() -> ssrcs.isEmpty() ? OptionalLong.empty() : OptionalLong.of(ssrcs.get(0).ssrc()));
    }

    /** The RTX SSRC: second of the FID group (RFC 4588 section 8.1). */
    public OptionalLong rtxSsrc() {
        return fidGroup().filter(g -> g.ssrcs().size() > 1).map(g -> OptionalLong.of(g.ssrcs().get(1)))
            .orElse(OptionalLong.empty());
    }

    private Optional<SsrcGroup> fidGroup() {
        return ssrcGroups.stream().filter(g -> g.semantics().equals("FID")).findFirst();
    }
}
