package dev.freshet.fragments.video;

/** The persisted form of a {@link NotificationConfiguration}.
 *
 * <p>Not thread-safe: guarded by the {@link VideoCatalog}'s lock.
 */
final class NotificationState {
    public ConfigurationStatus status;
    public String destinationUri;

    static NotificationState of(NotificationConfiguration config) {
        NotificationState state = new NotificationState();
        state.status = config.status();
        state.destinationUri = config.destinationUri();
        return state;
    }

    NotificationConfiguration configuration() {
        return new NotificationConfiguration(status, destinationUri);
    }
}
