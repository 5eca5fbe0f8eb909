package de.querfunk.chat.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import de.querfunk.chat.ConversationService;
import de.querfunk.chat.ConversationView;

/** The caller's conversations, and starting direct and group conversations. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    private final ConversationService conversations;

    ConversationsResource(ConversationService conversations) {
        this.conversations = conversations;
    }

    @GET
    @Path("/conversations")
    public List<ConversationView> mine() {
        return conversations.mine();
    }

    /** The one direct conversation with a person, created on first use. */
    @POST
    @Path("/conversations/direct")
    public ConversationView direct(@Valid @NotNull DirectConversationRequest request) {
        return conversations.direct(request.personId());
    }

    @POST
    @Path("/conversations/group")
    public ConversationView group(@Valid @NotNull GroupConversationRequest request) {
        return conversations.group(request.personIds(), request.title());
    }

    /** The channel of a space. */
    @GET
    @Path("/spaces/{spaceId}/conversation")
    public ConversationView channel(@PathParam("spaceId") UUID spaceId) {
        return conversations.channel(spaceId);
    }
}
