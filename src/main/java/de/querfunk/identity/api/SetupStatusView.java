package de.querfunk.identity.api;

public record SetupStatusView(boolean setupRequired) {
}
