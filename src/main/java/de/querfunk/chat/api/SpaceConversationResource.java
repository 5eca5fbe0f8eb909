package de.querfunk.chat.api;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import de.querfunk.chat.ConversationService;
import de.querfunk.chat.ConversationView;

/** A space's channel. */
@Path("/api/v1/spaces/{spaceId}/conversation")
@Produces(MediaType.APPLICATION_JSON)
public class SpaceConversationResource {

    private final ConversationService conversations;

    SpaceConversationResource(ConversationService conversations) {
        this.conversations = conversations;
    }

    @GET
    public ConversationView channel(@PathParam("spaceId") UUID spaceId) {
        return conversations.channel(spaceId);
    }
}
