package de.querfunk.chat.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "conversation_participant")
@IdClass(ConversationParticipant.Key.class)
public class ConversationParticipant {

    @Id
    @Column(name = "conversation_id")
    public UUID conversationId;

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "added_at")
    public Instant addedAt;

    public record Key(UUID conversationId, UUID personId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
