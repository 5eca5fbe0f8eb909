package de.querfunk.chat.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record GroupConversationRequest(@NotEmpty @Size(max = 100) List<@NotNull UUID> personIds, @Size(max = 100) String title) {
}
