/**
 * Codec bitstream and configuration parsing for stored video streams, without decoding: what the
 * muxers, playlists and ingest paths need to know about H.264, H.265, AAC and Opus tracks.
 *
 * <ul>
 *   <li>NAL units: {@link dev.freshet.fragments.codec.NalUnit} views, split and joined by
 *   {@link dev.freshet.fragments.codec.LengthPrefixed} (MP4/Matroska framing) and
 *   {@link dev.freshet.fragments.codec.AnnexB} (start codes); keyframe tests in
 *   {@link dev.freshet.fragments.codec.H264Nals} and {@link dev.freshet.fragments.codec.H265Nals};
 *   {@link dev.freshet.fragments.codec.RbspReader} reads their bits.</li>
 *   <li>H.264: {@link dev.freshet.fragments.codec.H264Sps}, {@link dev.freshet.fragments.codec.H264Pps},
 *   and {@link dev.freshet.fragments.codec.H264ParameterSets} (SPS/PPS from an avcC or in-band, and an
 *   avcC built from them).</li>
 *   <li>H.265: {@link dev.freshet.fragments.codec.HevcDecoderConfig} (hvcC),
 *   {@link dev.freshet.fragments.codec.H265Sps}, {@link dev.freshet.fragments.codec.HevcProfileTierLevel}.</li>
 *   <li>Audio: {@link dev.freshet.fragments.codec.AudioSpecificConfig} (AAC, with its ADTS header)
 *   and {@link dev.freshet.fragments.codec.OpusHead}.</li>
 *   <li>For playback and track descriptions: {@link dev.freshet.fragments.codec.CodecStrings}
 *   (RFC 6381) and {@link dev.freshet.fragments.codec.TrackFormat}.</li>
 * </ul>
 *
 * <p>Every parser throws only {@link dev.freshet.fragments.codec.CodecException}, whatever its input.
 */
package dev.freshet.fragments.codec;
