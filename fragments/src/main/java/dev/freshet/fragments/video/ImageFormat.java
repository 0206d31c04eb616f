package dev.freshet.fragments.video;

/** Image formats of GetImages and of image generation. */
public enum ImageFormat {
    JPEG,
    PNG
}
