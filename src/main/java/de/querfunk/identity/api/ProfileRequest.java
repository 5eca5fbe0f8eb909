package de.querfunk.identity.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Changes to one's own profile; absent fields stay as they are. */
public record ProfileRequest(@Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
        @Email @Size(min = 3, max = 254) String email, String language, @Size(max = 64) String timeZone) {
}
