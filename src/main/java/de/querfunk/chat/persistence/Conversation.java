package de.querfunk.chat.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "conversation")
public class Conversation {

    public static final String CHANNEL = "channel";
    public static final String DIRECT = "direct";
    public static final String GROUP = "group";

    @Id
    public UUID id;

    public String kind;

    @Column(name = "space_id")
    public UUID spaceId;

    @Column(name = "direct_key")
    public String directKey;

    public String title;

    @Column(name = "last_seq")
    public long lastSeq;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
