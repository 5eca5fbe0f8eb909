package de.querfunk.space.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The role a person is to have in a space. */
public record MemberRoleRequest(
        @NotNull @Pattern(regexp = "member|moderator", message = "must be 'member' or 'moderator'") String role) {
}
