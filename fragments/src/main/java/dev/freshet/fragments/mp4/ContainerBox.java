package dev.freshet.fragments.mp4;

import java.util.List;

/**
 * A plain box whose payload is its child boxes ({@code moov}, {@code trak}, {@code mdia},
 * {@code minf}, {@code stbl}, {@code dinf}, {@code edts}, {@code mvex}, {@code moof}, {@code traf}).
 * Immutable; thread-safe.
 */
record ContainerBox(String type, List<Box> children) implements Box {

    ContainerBox {
        children = List.copyOf(children);
    }

    static ContainerBox of(String type, Box... children) {
        return new ContainerBox(type, List.of(children));
    }

    @Override
    public int size() {
        int size = 8;
        for (Box child : children) {
            size = Math.addExact(size, child.size());
        }
        return size;
    }

    @Override
    public void write(BoxBuffer out) {
        out.header(size(), type);
        for (Box child : children) {
            out.box(child);
        }
    }
}
