package dev.freshet.fragments.codec;

import dev.freshet.fragments.media.Codec;
import dev.freshet.fragments.media.Track;
import dev.freshet.fragments.testmedia.Vectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Whatever bytes arrive — random, or real configuration records with bytes flipped, cut or
 * inserted — every parser of the package either returns or throws {@link CodecException}, and
 * returns quickly; and what the writers of these tests encode, the parsers read back.
 */
class CodecParsingProperties {

    private static final List<byte[]> SEEDS = List.of(Vectors.AVCC_BASELINE, Vectors.AVCC_MAIN, Vectors.AVCC_HIGH,
        Vectors.AVCC_HIGH444, Vectors.AVCC_INTERLACED, Vectors.AVCC_FHD, Vectors.HVCC_MAIN, Vectors.HVCC_MAIN10,
        Vectors.ASC_LC_48K_STEREO, Vectors.OPUS_HEAD_STEREO, Vectors.OPUS_HEAD_51,
        H264ParameterSets.fromAvcC(Vectors.AVCC_HIGH).sps().get(0).toByteArray(),
        HevcDecoderConfig.parse(Vectors.HVCC_MAIN).units(H265Nals.SPS).get(0).toByteArray(),
        AnnexB.join(H264ParameterSets.fromAvcC(Vectors.AVCC_MAIN).all()));

    private static final List<Consumer<byte[]>> PARSERS = List.of(
        H264Sps::parse, H265Sps::parse, AudioSpecificConfig::parse, b -> AudioSpecificConfig.parse(b).adtsHeader(0),
        OpusHead::parse, HevcDecoderConfig::parse, b -> HevcDecoderConfig.parse(b).parameterSets(),
        H264ParameterSets::fromAvcC, H264ParameterSets::fromAnnexB, H264ParameterSets::nalLengthSize,
        b -> H264ParameterSets.fromAvcC(b).toAvcC(4), b -> H264ParameterSets.fromAnnexB(b).toAvcC(4),
        b -> HevcDecoderConfig.parse(b).firstSps(), b -> LengthPrefixed.split(b, 4), b -> LengthPrefixed.split(b, 2),
        AnnexB::split, b -> H264Nals.isKeyframe(b, 4), b -> H265Nals.isKeyframe(b, 1),
        b -> AnnexB.toLengthPrefixed(b, 2), b -> AnnexB.fromLengthPrefixed(b, 4),
        b -> H264Pps.parse(NalUnit.of(nonEmpty(b))), b -> CodecStrings.of(Track.video(1, Codec.H264, b, 0, 0)),
        b -> CodecStrings.of(Track.video(1, Codec.H265, b, 0, 0)),
        b -> CodecStrings.of(Track.audio(1, Codec.AAC, b, 0, 0)),
        b -> TrackFormat.of(Codec.H264, b), b -> TrackFormat.of(Codec.H265, b), b -> TrackFormat.of(Codec.AAC, b),
        b -> TrackFormat.of(Codec.OPUS, b), b -> readAllGolomb(b));

    @Property(tries = 400)
    void randomBytesOnlyEverFailAsCodecExceptions(@ForAll @Size(max = 96) byte[] bytes) {
        assertOnlyCodecExceptions(bytes);
    }

    @Property(tries = 600)
    void mutatedRecordsOnlyEverFailAsCodecExceptions(@ForAll("mutants") byte[] bytes) {
        assertOnlyCodecExceptions(bytes);
    }

    @Property(tries = 300)
    void writtenSpsIsReadBack(@ForAll("spsSpecs") SpsSpec spec) {
        H264Sps sps = H264Sps.parse(spec.write());
        assertThat(sps).isEqualTo(spec.expected());
    }

    @Property(tries = 300)
    void expGolombRoundTripsThroughEscaping(@ForAll @Size(max = 40) List<@IntRange(min = -70000, max = 70000)
        Integer> values) {
        BitWriter w = new BitWriter();
        values.forEach(v -> w.se(v).ue(Math.abs(v)).u(16, v & 0xFFFF));
        RbspReader in = NalUnit.of(w.nal(0x06)).rbsp(1);
        for (int v : values) {
            assertThat(new int[] {in.readSe(), in.readUe(), in.readBits(16)}).containsExactly(v, Math.abs(v), v & 0xFFFF);
        }
        assertThat(in.moreRbspData()).isFalse();
    }

    @Property(tries = 300)
    void framingsRoundTrip(@ForAll("nalLists") List<NalUnit> nals, @ForAll("lengthSizes") int lengthSize) {
        assertThat(LengthPrefixed.split(LengthPrefixed.join(nals, lengthSize), lengthSize)).isEqualTo(nals);
        assertThat(AnnexB.split(AnnexB.join(nals))).isEqualTo(nals);
        byte[] framed = LengthPrefixed.join(nals, lengthSize);
        assertThat(AnnexB.toLengthPrefixed(AnnexB.fromLengthPrefixed(framed, lengthSize), lengthSize)).isEqualTo(framed);
    }

    @Provide
    Arbitrary<byte[]> mutants() {
        return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.longs(), Arbitraries.integers().between(1, 6))
            .as(CodecParsingProperties::mutate);
    }

    @Provide
    Arbitrary<Integer> lengthSizes() {
        return Arbitraries.of(1, 2, 4);
    }

    @Provide
    Arbitrary<List<NalUnit>> nalLists() {
        Arbitrary<NalUnit> nal = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(200)
            .map(payload -> NalUnit.of(new BitWriter().bytes(payload).nal(0x41)));
        return nal.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<SpsSpec> spsSpecs() {
        return Arbitraries.longs().map(seed -> SpsSpec.random(new Random(seed)));
    }

    private static void assertOnlyCodecExceptions(byte[] bytes) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (Consumer<byte[]> parser : PARSERS) {
                try {
                    parser.accept(bytes);
                } catch (CodecException expected) {
                    assertThat(expected.reason()).isNotNull();
                }
            }
        });
    }

    private static byte[] mutate(byte[] seed, long randomSeed, int edits) {
        Random random = new Random(randomSeed);
        byte[] out = seed.clone();
        for (int i = 0; i < edits && out.length > 0; i++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] = (byte) random.nextInt(256);
                case 1 -> out[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> out = java.util.Arrays.copyOf(out, at);
                default -> out = insert(out, at, (byte) (random.nextBoolean() ? 0 : random.nextInt(256)));
            }
        }
        return out;
    }

    private static byte[] insert(byte[] data, int at, byte value) {
        byte[] out = new byte[data.length + 1];
        System.arraycopy(data, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(data, at, out, at + 1, data.length - at);
        return out;
    }

    private static byte[] nonEmpty(byte[] b) {
        return b.length == 0 ? new byte[] {0x68} : b;
    }

    private static void readAllGolomb(byte[] b) {
        RbspReader in = RbspReader.of(b);
        while (in.moreRbspData()) {
            in.readSe();
        }
    }

    /** A random valid SPS: the fields, their bit syntax, and the record the parser must return. */
    record SpsSpec(int profile, int level, int spsId, int chroma, boolean separate, int depthLuma, int depthChroma,
                   int pocType, int refs, int widthMbs, int heightUnits, boolean frameMbsOnly,
                   H264Sps.FrameCropping crop, H264Sps.VuiTiming timing, long scalingSeed) {

        static SpsSpec random(Random r) {
            int profile = List.of(66, 77, 88, 100, 110, 122, 244, 44).get(r.nextInt(8));
            boolean high = H264Sps.carriesChromaInfo(profile);
            int chroma = high ? r.nextInt(4) : 1;
            boolean frameMbsOnly = r.nextBoolean();
            int widthMbs = 1 + r.nextInt(300);
            int heightUnits = 1 + r.nextInt(200);
            SpsSpec bare = new SpsSpec(profile, r.nextInt(256), r.nextInt(32), chroma, chroma == 3 && r.nextBoolean(),
                high ? 8 + r.nextInt(7) : 8, high ? 8 + r.nextInt(7) : 8, r.nextInt(3), r.nextInt(17), widthMbs,
                heightUnits, frameMbsOnly, H264Sps.FrameCropping.NONE,
                r.nextBoolean() ? new H264Sps.VuiTiming(r.nextInt() & 0xFFFFFFFFL, r.nextInt() & 0xFFFFFFFFL, r.nextBoolean()) : null,
                high && r.nextBoolean() ? r.nextLong() : 0);
            return bare.withCrop(r);
        }

        SpsSpec withCrop(Random r) {
            H264Sps plain = expected();
            int cropX = r.nextInt(4) == 0 ? 0 : r.nextInt((plain.codedWidth() - 1) / cropUnitX() + 1);
            int cropY = r.nextInt(4) == 0 ? 0 : r.nextInt((plain.codedHeight() - 1) / cropUnitY() + 1);
            int left = cropX / 2;
            int top = cropY / 2;
            return new SpsSpec(profile, level, spsId, chroma, separate, depthLuma, depthChroma, pocType, refs, widthMbs,
                heightUnits, frameMbsOnly, new H264Sps.FrameCropping(left, cropX - left, top, cropY - top), timing,
                scalingSeed);
        }

        H264Sps expected() {
            return new H264Sps(profile, 0xA4, level, spsId, chroma, separate, depthLuma, depthChroma, pocType, refs,
                widthMbs, heightUnits, frameMbsOnly, crop, java.util.Optional.ofNullable(timing));
        }

        byte[] write() {
            BitWriter w = new BitWriter().u(8, profile).u(8, 0xA4).u(8, level).ue(spsId);
            if (H264Sps.carriesChromaInfo(profile)) {
                w.ue(chroma);
                if (chroma == 3) {
                    w.flag(separate);
                }
                w.ue(depthLuma - 8).ue(depthChroma - 8).flag(false).flag(scalingSeed != 0);
                writeScaling(w);
            }
            w.ue(0).ue(pocType);
            if (pocType == 0) {
                w.ue(3);
            } else if (pocType == 1) {
                w.flag(true).se(-2).se(1).ue(3).se(1).se(2).se(-3);
            }
            w.ue(refs).flag(false).ue(widthMbs - 1).ue(heightUnits - 1).flag(frameMbsOnly);
            if (!frameMbsOnly) {
                w.flag(true);
            }
            w.flag(true);
            writeCrop(w);
            return writeVui(w).nal(0x67);
        }

        private void writeScaling(BitWriter w) {
            if (scalingSeed == 0) {
                return;
            }
            Random r = new Random(scalingSeed);
            for (int i = 0; i < (chroma != 3 ? 8 : 12); i++) {
                boolean present = r.nextBoolean();
                w.flag(present);
                int next = 8;
                for (int j = 0; present && j < (i < 6 ? 16 : 64) && next != 0; j++) {
                    int delta = r.nextInt(10) == 0 ? (next <= 128 ? -next : 256 - next) : r.nextInt(21) - 10;
                    next = (next + delta + 256) % 256;
                    w.se(delta);
                }
            }
        }

        private void writeCrop(BitWriter w) {
            boolean cropped = !crop.equals(H264Sps.FrameCropping.NONE);
            w.flag(cropped);
            if (cropped) {
                w.ue(crop.left()).ue(crop.right()).ue(crop.top()).ue(crop.bottom());
            }
        }

        private BitWriter writeVui(BitWriter w) {
            w.flag(timing != null);
            if (timing != null) {
                w.flag(false).flag(false).flag(false).flag(false).flag(true).u(32, timing.numUnitsInTick())
                    .u(32, timing.timeScale()).flag(timing.fixedFrameRate()).flag(false).flag(false);
            }
            return w;
        }

        private int chromaArrayType() {
            return separate ? 0 : chroma;
        }

        private int cropUnitX() {
            return chromaArrayType() == 1 || chromaArrayType() == 2 ? 2 : 1;
        }

        private int cropUnitY() {
            return (chromaArrayType() == 1 ? 2 : 1) * (frameMbsOnly ? 1 : 2);
        }
    }
}
