/**
 * ISO base media file format output, remuxed from stored frames without transcoding: CMAF
 * fragmented MP4 for HLS/DASH segments and LL-HLS parts ({@link dev.freshet.fragments.mp4.FragmentedMp4}),
 * plain fast-start MP4 for GetClip ({@link dev.freshet.fragments.mp4.Mp4ClipWriter}), and the
 * timing every muxer shares ({@link dev.freshet.fragments.mp4.Timescale},
 * {@link dev.freshet.fragments.mp4.TrackTimeline}).
 *
 * <p>Each box family is one small package-private class that knows its encoded size and writes
 * itself ({@link dev.freshet.fragments.mp4.Box}); a file is a tree of them, measured first and
 * written into one presized array.
 */
package dev.freshet.fragments.mp4;
