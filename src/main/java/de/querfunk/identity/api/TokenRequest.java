package de.querfunk.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record TokenRequest(@NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "read|write", message = "must be 'read' or 'write'") String scope, Integer expiresInDays) {
}
