package de.querfunk.chat.persistence;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "conversation_state")
@IdClass(ConversationState.Key.class)
public class ConversationState {

    @Id
    @Column(name = "conversation_id")
    public UUID conversationId;

    @Id
    @Column(name = "person_id")
    public UUID personId;

    public boolean muted;

    public boolean starred;

    @Column(name = "last_read_seq")
    public long lastReadSeq;

    public record Key(UUID conversationId, UUID personId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
