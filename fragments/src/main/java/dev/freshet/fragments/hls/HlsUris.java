package dev.freshet.fragments.hls;

/**
 * The relative URLs of an HLS session's resources, shaped like the service's
 * ({@code getHLSMediaPlaylist.m3u8?SessionToken=…}, {@code getMP4MediaFragment.mp4?FragmentNumber=…&SessionToken=…})
 * plus Freshet's LL-HLS parts. All live next to the master playlist under {@code /hls/v1/}.
 *
 * <p>Stateless; thread-safe.
 */
public final class HlsUris {

    public static final String MASTER = "getHLSMasterPlaylist.m3u8";
    public static final String MEDIA = "getHLSMediaPlaylist.m3u8";
    public static final String INIT = "getMP4InitFragment.mp4";
    public static final String MP4_FRAGMENT = "getMP4MediaFragment.mp4";
    public static final String TS_FRAGMENT = "getTSFragment.ts";
    public static final String MP4_PART = "getMP4MediaPart.mp4";

    private HlsUris() {
    }

    public static String master(String token) {
        return MASTER + "?SessionToken=" + token;
    }

    public static String media(String token) {
        return MEDIA + "?SessionToken=" + token;
    }

    public static String init(String token, String fragmentNumber) {
        return INIT + "?FragmentNumber=" + fragmentNumber + "&SessionToken=" + token;
    }

    public static String fragment(HlsSession.Container container, String token, String fragmentNumber) {
        String resource = container == HlsSession.Container.MPEG_TS ? TS_FRAGMENT : MP4_FRAGMENT;
        return resource + "?FragmentNumber=" + fragmentNumber + "&SessionToken=" + token;
    }

    public static String part(String token, long mediaSequence, int part) {
        return MP4_PART + "?MediaSequence=" + mediaSequence + "&Part=" + part + "&SessionToken=" + token;
    }
}
