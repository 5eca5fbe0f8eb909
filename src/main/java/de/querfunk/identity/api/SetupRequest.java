package de.querfunk.identity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record SetupRequest(@NotBlank String setupToken, @NotNull @Valid AccountRequest administrator) {
}
