package de.querfunk.identity.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import de.querfunk.identity.AccountDetails;

/** A new account at setup or from an invitation; password rules are checked by the service. */
public record AccountRequest(@NotBlank @Size(max = 32) String username, @NotBlank @Size(max = 100) String displayName,
        @NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 1024) String password, String language,
        @Size(max = 64) String timeZone) {

    AccountDetails details() {
        return new AccountDetails(username, displayName, email, password, language, timeZone);
    }
}
