package dev.freshet.fragments.images;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ImageScalerTest {

    @Test
    void sizesFollowTheGetImagesRules() {
        assertThat(ImageScaler.outputSize(1920, 1080, 0, 0)).containsExactly(1920, 1080);
        assertThat(ImageScaler.outputSize(1920, 1080, 640, 0)).containsExactly(640, 360);
        assertThat(ImageScaler.outputSize(1920, 1080, 0, 480)).containsExactly(853, 480);
        assertThat(ImageScaler.outputSize(1920, 1080, 300, 300)).containsExactly(300, 300);
        assertThat(ImageScaler.outputSize(320, 240, 3840, 0)).containsExactly(3840, 2880);
    }

    @Test
    void derivedSidesStayWithinBounds() {
        assertThat(ImageScaler.outputSize(4000, 10, 1, 0)).containsExactly(1, 1);
        assertThat(ImageScaler.outputSize(16, 4096, 3840, 0)).containsExactly(3840, ImageScaler.MAX_DERIVED_SIDE);
    }

    @Test
    void scalingGivesTheExactSize() {
        BufferedImage source = new BufferedImage(1000, 500, BufferedImage.TYPE_3BYTE_BGR);
        assertThat(ImageScaler.scale(source, 1000, 500)).isSameAs(source);
        BufferedImage small = ImageScaler.scale(source, 123, 45);
        assertThat(new int[] {small.getWidth(), small.getHeight()}).containsExactly(123, 45);
        BufferedImage big = ImageScaler.scale(source, 2000, 1001);
        assertThat(new int[] {big.getWidth(), big.getHeight()}).containsExactly(2000, 1001);
    }

    @Test
    void shrinkingAveragesEverySourcePixel() {
        // a one-pixel checkerboard shrunk 8 times is mid grey, not a sample of black or white pixels
        BufferedImage checkerboard = new BufferedImage(256, 256, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                checkerboard.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0);
            }
        }
        BufferedImage small = ImageScaler.scale(checkerboard, 32, 32);
        int grey = small.getRGB(16, 16) & 0xFF;
        assertThat(grey).isBetween(100, 155);
    }
}
