package dev.freshet.fragments.video;

/** Whether a stream's image generation or notification configuration is in force. */
public enum ConfigurationStatus {
    ENABLED,
    DISABLED
}
