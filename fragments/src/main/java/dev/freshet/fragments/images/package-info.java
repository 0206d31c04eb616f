/**
 * GetImages: pictures decoded from stored H.264 fragments with JCodec, scaled and encoded as JPEG or
 * PNG. {@link dev.freshet.fragments.images.ImageExtractor} is the entry point; it takes one
 * fragment's frames and the times asked for, and answers each time with an
 * {@link dev.freshet.fragments.images.ImageResult}. Call
 * {@link dev.freshet.fragments.images.JcodecLogging#routeToSlf4j()} once at start-up to keep JCodec's
 * warnings off standard output.
 */
package dev.freshet.fragments.images;
