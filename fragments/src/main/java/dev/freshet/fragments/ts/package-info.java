/**
 * MPEG-2 transport stream segments for HLS {@code ContainerFormat=MPEG_TS}
 * ({@link dev.freshet.fragments.ts.TsSegmentWriter}), with the per-session continuity state
 * ({@link dev.freshet.fragments.ts.TsSession}). H.264, H.265 and AAC only: Opus tracks are left
 * out, since HLS players do not play Opus in MPEG-TS.
 */
package dev.freshet.fragments.ts;
