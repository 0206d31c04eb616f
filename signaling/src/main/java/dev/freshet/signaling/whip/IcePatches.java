package dev.freshet.signaling.whip;

import dev.freshet.webrtc.MalformedInputException;
import dev.freshet.webrtc.ice.IceCredentials;
import dev.freshet.webrtc.ice.IceSession;
import dev.freshet.webrtc.sdp.IceFragment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.LongAdder;

/**
 * PATCH of a WHIP or WHEP session's ICE (RFC 9725 section 4.3), for {@code
 * application/trickle-ice-sdpfrag} bodies:
 * <pre>
 *   If-Match: "*"  + new ice-ufrag/ice-pwd   ICE restart → 200, sdpfrag with the server's new
 *                                             ice-ufrag/ice-pwd and candidates, new ETag
 *   otherwise                                 trickled candidates → 204
 * </pre>
 * The entity-tag of an ICE session is the server's ice-ufrag, which every restart changes. An
 * {@code If-Match} naming another tag is 412; a fragment whose ice-ufrag is not the peer's current
 * one (a late trickle from before a restart) is 422, as is a restart without new credentials. A
 * fragment without ice-ufrag is taken as the current session's. Trickled candidates are checked
 * and counted but not used: the server is ICE-lite on one port and learns the peer's address from
 * its checks.
 *
 * <p>Thread-safe: PATCHes of one session take turns on its {@link IceSession}.
 */
public final class IcePatches {

    /** What a PATCH did: a restart answers {@code fragment} (otherwise empty) under the new {@code etag}. */
    public record Result(boolean restarted, String etag, String fragment) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(IcePatches.class);

    private final Candidates candidates;
    private final LongAdder trickled = new LongAdder();
    private final LongAdder restarts = new LongAdder();

    public IcePatches(Candidates candidates) {
        this.candidates = candidates;
    }

    /** The {@code ETag} of the session's ICE, quoted. */
    public static String etag(IceSession ice) {
        return "\"" + ice.localCredentials().ufrag() + "\"";
    }

    /**
     * @param ifMatch the {@code If-Match} header, null without one
     * @param protocol  WHIP or WHEP, for the log, with the stream and the session id
     * @throws WhipException BAD_OFFER (a malformed fragment), PRECONDITION_FAILED, ICE_MISMATCH
     */
    public Result apply(IceSession ice, String ifMatch, String fragmentText, String protocol, String stream,
                        String sessionId) {
        IceFragment fragment;
        try {
            fragment = IceFragment.parse(fragmentText);
        } catch (MalformedInputException e) {
            throw Offers.badOffer(e);
        }
        synchronized (ice) {
            boolean restart = ifMatch != null && ifMatch.strip().equals("*");
            if (ifMatch != null && !restart && !matches(ifMatch, etag(ice))) {
                throw new WhipException(WhipException.Reason.PRECONDITION_FAILED,
                    "If-Match names another ICE session than " + etag(ice) + ".");
            }
            if (!restart) {
                return trickle(ice, fragment);
            }
            Result result = restart(ice, fragment);
            LOG.atInfo().setMessage("ICE restart").addKeyValue("protocol", protocol).addKeyValue("stream", stream)
                .addKeyValue("session", sessionId).log();
            return result;
        }
    }

    /** Candidates received by trickle PATCH, over all sessions. */
    public long trickledCandidates() {
        return trickled.sum();
    }

    /** ICE restarts asked for by PATCH, over all sessions. */
    public long restarts() {
        return restarts.sum();
    }

    private Result trickle(IceSession ice, IceFragment fragment) {
        String current = ice.remoteCredentials().ufrag();
        if (!fragment.ufrag().isEmpty() && !fragment.ufrag().equals(current)) {
            throw new WhipException(WhipException.Reason.ICE_MISMATCH, "The fragment's ice-ufrag "
                + fragment.ufrag() + " is not the ICE session's (" + current + "): candidates of an "
                + "earlier ICE session, or a restart without If-Match: \"*\".");
        }
        trickled.add(fragment.candidates().size());
        return new Result(false, etag(ice), "");
    }

    private Result restart(IceSession ice, IceFragment fragment) {
        if (fragment.ufrag().isEmpty() || fragment.password().isEmpty()
            || fragment.ufrag().equals(ice.remoteCredentials().ufrag())) {
            throw new WhipException(WhipException.Reason.ICE_MISMATCH,
                "An ICE restart (If-Match: \"*\") needs a new ice-ufrag and ice-pwd.");
        }
        ice.restart(new IceCredentials(fragment.ufrag(), fragment.password()));
        restarts.increment();
        trickled.add(fragment.candidates().size());
        IceCredentials local = ice.localCredentials();
        IceFragment answer = new IceFragment(local.ufrag(), local.password(), fragment.mediaLine(), fragment.mid(),
            candidates.of(ice.localCandidates()), true);
        return new Result(true, etag(ice), answer.format());
    }

    /** Whether an If-Match list (RFC 9110 section 13.1.1) names {@code etag}; weak tags never match. */
    private static boolean matches(String ifMatch, String etag) {
        for (String tag : ifMatch.split(",")) {
            if (tag.strip().equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
