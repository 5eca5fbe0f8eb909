/**
 * People and how they prove who they are: accounts, first-administrator setup, password login,
 * browser sessions with CSRF protection, personal access tokens, invitations and deactivation.
 *
 * <p>Other features use {@link de.querfunk.identity.CurrentPerson} to learn who is calling and
 * {@link de.querfunk.identity.People} to show names; nothing else of this package is theirs.
 *
 * <p>Publishes {@link de.querfunk.identity.IdentityEvents}: {@code PersonJoined},
 * {@code PersonProfileChanged}, {@code PasswordChanged}, {@code PersonDeactivated},
 * {@code PersonReactivated}, {@code SessionStarted}, {@code SessionEnded},
 * {@code AccessTokenCreated}, {@code AccessTokenRevoked}, {@code InvitationCreated},
 * {@code InvitationRevoked}.
 */
package de.querfunk.identity;
