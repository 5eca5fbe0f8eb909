package de.querfunk.chat.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.querfunk.chat.EditView;
import de.querfunk.chat.HistoryView;
import de.querfunk.chat.MessageService;
import de.querfunk.chat.MessageView;
import de.querfunk.platform.web.Paging;

/** One message: its permalink, thread, edits, deletion, reactions, pin and the caller's thread follow. */
@Path("/api/v1/messages/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessageResource {

    private final MessageService messages;

    MessageResource(MessageService messages) {
        this.messages = messages;
    }

    @GET
    public MessageView get(@PathParam("id") UUID id) {
        return messages.get(id);
    }

    @PATCH
    public MessageView edit(@PathParam("id") UUID id, @Valid @NotNull EditMessageRequest request) {
        return messages.edit(id, request.body());
    }

    @DELETE
    public Response delete(@PathParam("id") UUID id) {
        messages.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/edits")
    public List<EditView> edits(@PathParam("id") UUID id) {
        return messages.edits(id);
    }

    /** Who has read the message, where the installation enables read receipts. */
    @GET
    @Path("/readers")
    public List<UUID> readers(@PathParam("id") UUID id) {
        return messages.readers(id);
    }

    @GET
    @Path("/replies")
    public HistoryView replies(@PathParam("id") UUID id, @QueryParam("after") UUID after, @QueryParam("limit") Integer limit) {
        return messages.replies(id, after, Paging.limit(limit));
    }

    @PUT
    @Path("/reactions/{emoji}")
    public MessageView react(@PathParam("id") UUID id, @PathParam("emoji") String emoji) {
        return messages.react(id, emoji, true);
    }

    @DELETE
    @Path("/reactions/{emoji}")
    public MessageView unreact(@PathParam("id") UUID id, @PathParam("emoji") String emoji) {
        return messages.react(id, emoji, false);
    }

    @PUT
    @Path("/pin")
    public MessageView pin(@PathParam("id") UUID id) {
        return messages.pin(id, true);
    }

    @DELETE
    @Path("/pin")
    public MessageView unpin(@PathParam("id") UUID id) {
        return messages.pin(id, false);
    }

    @PUT
    @Path("/follow")
    public Response follow(@PathParam("id") UUID id) {
        messages.follow(id, true);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/follow")
    public Response unfollow(@PathParam("id") UUID id) {
        messages.follow(id, false);
        return Response.noContent().build();
    }
}
