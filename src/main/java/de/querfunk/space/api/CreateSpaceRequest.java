package de.querfunk.space.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new space. The name is trimmed; the description may be absent. */
public record CreateSpaceRequest(
        @NotNull @Pattern(regexp = SpaceRequests.NAME, message = SpaceRequests.NAME_MESSAGE) String name,
        @Size(max = 2000) String description,
        @NotNull @Pattern(regexp = SpaceRequests.KIND, message = SpaceRequests.KIND_MESSAGE) String kind) {
}
