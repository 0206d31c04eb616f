package dev.freshet.fragments.images;

/** The encodings GetImages offers ({@code Format}). */
public enum ImageFormat {
    JPEG("image/jpeg"),
    PNG("image/png");

    private final String mediaType;

    ImageFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
