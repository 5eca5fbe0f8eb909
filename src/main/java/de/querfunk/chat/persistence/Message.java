package de.querfunk.chat.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "message")
public class Message {

    @Id
    public UUID id;

    @Column(name = "conversation_id")
    public UUID conversationId;

    public long seq;

    @Column(name = "author_id")
    public UUID authorId;

    public String body;

    public String html;

    @Column(name = "thread_root_id")
    public UUID threadRootId;

    @Column(name = "in_channel")
    public boolean inChannel;

    @Column(name = "reply_count")
    public int replyCount;

    @Column(name = "last_reply_at")
    public Instant lastReplyAt;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
