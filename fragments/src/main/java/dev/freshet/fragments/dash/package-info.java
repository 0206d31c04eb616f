/**
 * MPEG-DASH playback of stored video streams (GetDASHStreamingSessionURL): sessions sealed in their
 * URLs ({@link dev.freshet.fragments.dash.DashSession}, {@link dev.freshet.fragments.dash.DashTokens}),
 * and the manifest ({@link dev.freshet.fragments.dash.DashManifests}) of the fragments HLS would list
 * for the same window, pointing at the fMP4 init and media segments HLS serves
 * ({@link dev.freshet.fragments.dash.DashUris}). No media is muxed here.
 */
package dev.freshet.fragments.dash;
