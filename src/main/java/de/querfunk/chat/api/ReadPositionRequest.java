package de.querfunk.chat.api;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record ReadPositionRequest(@NotNull UUID messageId) {
}
