package com.estatedesk.platform.activity;

import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** GET /activity: who did what, newest first; a company admin sees its company, the platform admin every company. */
@Path("activity")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    @EJB
    ActivityService activity;

    @GET
    @RolesAllowed({Role.PLATFORM_ADMIN_NAME, Role.COMPANY_ADMIN_NAME})
    public Page<ActivityView> list(
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("actor") String actor,
            @QueryParam("subjectType") String subjectType,
            @QueryParam("subjectId") String subjectId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("company") String company) {
        return activity.list(
                PageRequest.of(limit, cursor),
                ActivityService.Filter.of(company, actor, subjectType, subjectId, from, to));
    }
}
