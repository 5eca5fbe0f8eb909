/**
 * Chat: each space's channel, direct conversations and groups, messages with Markdown, threads,
 * edits with history, deletion, reactions, mentions, pins, and each person's own unread, mute and
 * star state. Reading and writing in a channel is decided by {@link de.querfunk.space.SpaceAccess}.
 *
 * <p>Publishes {@link de.querfunk.chat.ChatEvents}: {@code ConversationStarted},
 * {@code ParticipantAdded}, {@code MessagePosted}, {@code MessageEdited}, {@code MessageDeleted},
 * {@code ThreadUpdated}, {@code ReactionAdded}, {@code ReactionRemoved}, {@code MessagePinned},
 * {@code MessageUnpinned}, {@code ReadPositionMoved}, {@code ConversationPreferencesChanged},
 * {@code ThreadFollowChanged}.
 */
package de.querfunk.chat;
