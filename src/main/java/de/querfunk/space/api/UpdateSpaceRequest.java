package de.querfunk.space.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Changes to a space; absent fields stay as they are, an empty description removes it. */
public record UpdateSpaceRequest(
        @Pattern(regexp = SpaceRequests.NAME, message = SpaceRequests.NAME_MESSAGE) String name,
        @Size(max = 2000) String description,
        @Pattern(regexp = SpaceRequests.KIND, message = SpaceRequests.KIND_MESSAGE) String kind) {
}
