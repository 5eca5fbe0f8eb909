/**
 * Spaces, the unit of membership and permission: a team, a topic, a project. A space is open
 * (anyone joins and reads), closed (members only; invisible to everyone else) or announcement
 * (everyone reads, moderators post), and may be archived (read-only). This package owns spaces,
 * their members and the members' roles ({@code member}, {@code moderator}).
 *
 * <p>Other features ask {@link de.querfunk.space.SpaceAccess} who may read, post in and moderate
 * a space, and which spaces a person may read; they never read this feature's tables.
 *
 * <p>Publishes {@link de.querfunk.space.SpaceEvents}: {@code SpaceCreated}, {@code SpaceUpdated},
 * {@code SpaceKindChanged}, {@code SpaceArchived}, {@code SpaceUnarchived}, {@code MemberJoined},
 * {@code MemberLeft}, {@code MemberAdded}, {@code MemberRemoved}, {@code MemberRoleChanged}.
 */
package de.querfunk.space;
