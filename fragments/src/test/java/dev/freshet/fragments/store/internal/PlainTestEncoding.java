package dev.freshet.fragments.store.internal;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Fragment;
import dev.freshet.fragments.media.Frame;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.store.FragmentEncoding;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A plain binary layout for store tests, so they do not depend on the Matroska code. */
final class PlainTestEncoding implements FragmentEncoding {

    @Override
    public byte[] encode(Fragment fragment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(fragment.tracks().size());
            for (Track track : fragment.tracks()) {
                out.writeInt(track.number());
                out.writeUTF(track.codec().name());
            }
            out.writeInt(fragment.frames().size());
            for (Frame frame : fragment.frames()) {
                out.writeInt(frame.track());
                out.writeLong(frame.timestampMicros());
                out.writeLong(frame.durationMicros());
                out.writeBoolean(frame.keyframe());
                out.writeInt(frame.data().length);
                out.write(frame.data());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public Fragment decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            List<Track> tracks = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                tracks.add(Track.video(in.readInt(), Codec.valueOf(in.readUTF()), new byte[0], 320, 240));
            }
            List<Frame> frames = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                int track = in.readInt();
                long ts = in.readLong();
                long duration = in.readLong();
                boolean key = in.readBoolean();
                byte[] data = in.readNBytes(in.readInt());
                frames.add(new Frame(track, ts, duration, key, data));
            }
            return new Fragment(tracks, frames);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
