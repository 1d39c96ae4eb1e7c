package com.estatedesk.feature.messaging;

import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.rest.Created;
import com.estatedesk.infra.rest.PathIds;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

@Path("messages")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
public class MessageResource {

    @EJB
    MessageService messages;

    @POST
    @APIResponseSchema(value = MessageView.class, responseCode = "201")
    public Response send(@NotNull @Valid NewMessage request, @Context UriInfo uri) {
        MessageView sent = messages.send(request);
        return Created.at(uri, sent.id(), sent);
    }

    @GET
    public Page<MessageView> list(
            @QueryParam("box") String box, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return messages.list(box, PageRequest.of(limit, cursor));
    }

    /** Whom the caller may write to now (a client: its marketers and its company's admins). */
    @GET
    @Path("recipients")
    public Page<MessageParty> recipients(
            @QueryParam("q") String query, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return messages.recipients(query, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("{id}")
    public MessageView get(@PathParam("id") String id) {
        return messages.find(PathIds.parse(id, "message"));
    }

    /** {"read": true|false}, nothing else. */
    @PATCH
    @Path("{id}")
    public MessageView markRead(@PathParam("id") String id, ReadChange change) {
        return messages.markRead(PathIds.parse(id, "message"), change.read());
    }
}
