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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import de.querfunk.chat.HistoryView;
import de.querfunk.chat.MessageService;
import de.querfunk.chat.MessageView;
import de.querfunk.platform.web.Paging;

import de.querfunk.chat.ConversationService;
import de.querfunk.chat.ConversationView;

/** Conversations: the caller's list, starting direct and group ones, and one conversation's history, posting, pins and state. */
@Path("/api/v1/conversations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    private final ConversationService conversations;
    private final MessageService messages;

    ConversationsResource(ConversationService conversations, MessageService messages) {
        this.conversations = conversations;
        this.messages = messages;
    }

    @GET
    public List<ConversationView> mine() {
        return conversations.mine();
    }

    /** The one direct conversation with a person, created on first use. */
    @POST
    @Path("/direct")
    public ConversationView direct(@Valid @NotNull DirectConversationRequest request) {
        return conversations.direct(request.personId());
    }

    @POST
    @Path("/group")
    public ConversationView group(@Valid @NotNull GroupConversationRequest request) {
        return conversations.group(request.personIds(), request.title());
    }

    @GET
    @Path("/{id}")
    public ConversationView get(@PathParam("id") UUID id) {
        return conversations.get(id);
    }

    /** History, newest first: the latest page, or the page before, after or around a message. */
    @GET
    @Path("/{id}/messages")
    public HistoryView history(@PathParam("id") UUID id, @QueryParam("before") UUID before, @QueryParam("after") UUID after,
            @QueryParam("around") UUID around, @QueryParam("limit") Integer limit) {
        return messages.history(id, before, after, around, Paging.limit(limit));
    }

    @POST
    @Path("/{id}/messages")
    public Response post(@PathParam("id") UUID id, @Valid @NotNull PostMessageRequest request) {
        MessageView view = messages.post(id, request.body(), request.idempotencyKey(), request.threadRootId(),
                request.alsoInChannel());
        return Response.status(201).entity(view).build();
    }

    @GET
    @Path("/{id}/pins")
    public List<MessageView> pins(@PathParam("id") UUID id) {
        return messages.pins(id);
    }

    @POST
    @Path("/{id}/participants")
    public ConversationView addParticipant(@PathParam("id") UUID id, @Valid @NotNull ParticipantRequest request) {
        return conversations.addParticipant(id, request.personId());
    }

    @PUT
    @Path("/{id}/preferences")
    public ConversationView preferences(@PathParam("id") UUID id, @Valid @NotNull PreferencesRequest request) {
        return conversations.setPreferences(id, request.muted(), request.starred());
    }

    @PUT
    @Path("/{id}/read-position")
    public ConversationView markRead(@PathParam("id") UUID id, @Valid @NotNull ReadPositionRequest request) {
        return conversations.markRead(id, request.messageId());
    }
}
