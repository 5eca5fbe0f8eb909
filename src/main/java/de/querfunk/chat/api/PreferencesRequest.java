package de.querfunk.chat.api;

/** The caller's own settings for a conversation; absent fields stay as they are. */
public record PreferencesRequest(Boolean muted, Boolean starred) {
}
