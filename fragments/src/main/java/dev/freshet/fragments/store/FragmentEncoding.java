package dev.freshet.fragments.store;

import dev.freshet.fragments.media.Fragment;

/**
 * How a fragment's tracks and frames are laid out inside its shard-log record: the canonical
 * container (Matroska Tracks + Cluster) in production. Decoding must reject damaged bytes with an
 * exception rather than return wrong media.
 *
 * <p>Implementations are thread-safe.
 */
public interface FragmentEncoding {

    byte[] encode(Fragment fragment);

    Fragment decode(byte[] bytes);
}
