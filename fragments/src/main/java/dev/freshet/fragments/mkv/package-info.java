/**
 * Matroska (RFC 9559) over EBML (RFC 8794), as PutMedia receives it and GetMedia sends it.
 *
 * <ul>
 *   <li>EBML primitives: {@link dev.freshet.fragments.mkv.EbmlVint} (IDs and sizes),
 *   {@link dev.freshet.fragments.mkv.ElementHeader}, {@link dev.freshet.fragments.mkv.EbmlReader}
 *   (typed values of an element held in memory) and {@link dev.freshet.fragments.mkv.EbmlWriter}.</li>
 *   <li>Ingest: {@link dev.freshet.fragments.mkv.MkvStreamParser} reads a PutMedia body as it arrives
 *   and reports the EBML header, Info, Tracks, each block as it is decoded, each complete Cluster
 *   and Tags; {@link dev.freshet.fragments.mkv.ClusterFrames} turns a block or a Cluster into
 *   canonical frames (cutting them into fragments is the ingest's job). Malformed
 *   input raises {@link dev.freshet.fragments.mkv.MkvException} with an
 *   {@link dev.freshet.fragments.mkv.MkvError} that maps to a PutMedia ErrorId.</li>
 *   <li>Playback: {@link dev.freshet.fragments.mkv.MkvWriter} writes one self-contained document per
 *   fragment (EBML header, Segment, Info, Tracks, Cluster, Tags), which stream one after another.</li>
 * </ul>
 */
package dev.freshet.fragments.mkv;
