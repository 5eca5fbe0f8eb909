package de.querfunk.identity.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** An invitation, optionally noting whom it is for. */
public record InvitationRequest(@Email @Size(max = 254) String email) {
}
