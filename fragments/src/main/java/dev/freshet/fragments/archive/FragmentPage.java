package dev.freshet.fragments.archive;

import dev.freshet.fragments.store.FragmentInfo;

import java.util.List;

/** One page of ListFragments: the fragments and the token for the next page (null on the last). */
public record FragmentPage(List<FragmentInfo> fragments, String nextToken) {
}
