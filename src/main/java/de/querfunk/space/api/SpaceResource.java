package de.querfunk.space.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.querfunk.platform.web.PageView;
import de.querfunk.platform.web.Paging;
import de.querfunk.space.MemberInfo;
import de.querfunk.space.SpaceInfo;
import de.querfunk.space.SpaceKind;
import de.querfunk.space.SpaceRole;
import de.querfunk.space.SpaceService;

/** One space: its settings, the caller's own membership, and its members. */
@Path("/api/v1/spaces/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class SpaceResource {

    private final SpaceService spaces;

    SpaceResource(SpaceService spaces) {
        this.spaces = spaces;
    }

    @GET
    public SpaceInfo get(@PathParam("id") UUID id) {
        return spaces.space(id);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public SpaceInfo update(@PathParam("id") UUID id, @Valid @NotNull UpdateSpaceRequest request) {
        return spaces.updateSpace(id, request.name(), request.description(),
                request.kind() == null ? null : SpaceKind.fromWireName(request.kind()));
    }

    @POST
    @Path("/archive")
    public SpaceInfo archive(@PathParam("id") UUID id) {
        return spaces.archiveSpace(id);
    }

    @POST
    @Path("/unarchive")
    public SpaceInfo unarchive(@PathParam("id") UUID id) {
        return spaces.unarchiveSpace(id);
    }

    /** Joins the space; joining again answers the same. */
    @PUT
    @Path("/membership")
    public SpaceInfo join(@PathParam("id") UUID id) {
        return spaces.join(id);
    }

    @DELETE
    @Path("/membership")
    public Response leave(@PathParam("id") UUID id) {
        spaces.leave(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/members")
    public PageView<MemberInfo> members(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return spaces.members(id, cursor, Paging.limit(limit));
    }

    /** Adds a person with a role, or changes a member's role. */
    @PUT
    @Path("/members/{personId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberInfo putMember(@PathParam("id") UUID id, @PathParam("personId") UUID personId,
            @Valid @NotNull MemberRoleRequest request) {
        return spaces.putMember(id, personId, SpaceRole.fromWireName(request.role()));
    }

    @DELETE
    @Path("/members/{personId}")
    public Response removeMember(@PathParam("id") UUID id, @PathParam("personId") UUID personId) {
        spaces.removeMember(id, personId);
        return Response.noContent().build();
    }
}
