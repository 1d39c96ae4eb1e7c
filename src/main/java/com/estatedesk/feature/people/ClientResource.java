package com.estatedesk.feature.people;

import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.feature.people.model.PersonView;
import com.estatedesk.feature.registration.ClientCsv;
import com.estatedesk.feature.registration.ImportResult;
import com.estatedesk.infra.identity.Role;
import com.estatedesk.infra.paging.Page;
import com.estatedesk.infra.paging.PageRequest;
import com.estatedesk.infra.rest.Created;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

@Path("clients")
@ApplicationScoped
public class ClientResource extends PeopleResource {

    static final String CSV = "text/csv";
    /** Served when asked for (Accept: text/csv); JSON stays the default for a client that accepts anything. */
    static final String CSV_SECOND_CHOICE = "text/csv;qs=0.5";

    @Inject
    Validator validator;

    @Override
    protected PersonKind kind() {
        return PersonKind.CLIENT;
    }

    /** A marketer sees the clients assigned to it, a client only itself; ?marketerId= narrows to one marketer's. */
    @GET
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public Page<PersonView> list(
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("q") String query,
            @QueryParam("status") String status,
            @QueryParam("marketerId") String marketerId) {
        return listPeople(limit, cursor, query, status, marketerId);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public PersonView get(@PathParam("id") String id) {
        return getPerson(id);
    }

    /** Registers every row of a CSV (name,email,phone) in one transaction, or none of them. */
    @POST
    @Path("import")
    @Consumes(CSV)
    @RolesAllowed(Role.COMPANY_ADMIN_NAME)
    @APIResponseSchema(value = ImportResult.class, responseCode = "201")
    public Response importCsv(InputStream csv, @Context UriInfo uri) {
        ImportResult result = registrations.importClients(ClientCsv.read(csv, validator));
        return Created.under(uri, "clients", result);
    }

    /** All clients the caller may see, streamed page by page (bounded memory whatever their number). */
    @GET
    @Produces(CSV_SECOND_CHOICE)
    @RolesAllowed({Role.COMPANY_ADMIN_NAME, Role.MARKETER_NAME, Role.CLIENT_NAME})
    public StreamingOutput exportCsv() {
        return output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            CSVPrinter printer = ClientCsv.printer(writer);
            PageRequest page = new PageRequest(PageRequest.MAX_LIMIT, 0);
            while (page != null) {
                Page<PersonView> chunk = people.list(PersonKind.CLIENT, page, null, null, null);
                for (PersonView client : chunk.items()) {
                    ClientCsv.print(printer, client);
                }
                page = chunk.next() == null
                        ? null
                        : new PageRequest(
                                PageRequest.MAX_LIMIT,
                                chunk.items().get(chunk.items().size() - 1).number());
            }
            printer.flush();
        };
    }
}
