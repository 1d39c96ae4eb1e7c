package com.estatedesk.infra.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * "201 Created" with the new resource's {@code Location}, for every creating endpoint. The link is built
 * from ESTATEDESK_PUBLIC_URL when it is set, and is a path without host otherwise: never from the
 * request's {@code Host} header, which a client chooses (a {@code Host: evil.example} must not come back
 * as a link to follow).
 */
public final class Created {

    private Created() {}

    /** The new resource {@code id}, under the collection the request was posted to. */
    public static Response at(UriInfo uri, long id, Object entity) {
        return under(uri, uri.getPath() + "/" + id, entity);
    }

    /** A resource at {@code path}, relative to the API's root (/api/v1/). */
    public static Response under(UriInfo uri, String path, Object entity) {
        String apiRoot = uri.getBaseUri().getRawPath(); // the path of /api/v1/ only: no scheme, no host
        String location = PublicUrl.value().orElse("")
                + (apiRoot.endsWith("/") ? apiRoot : apiRoot + "/")
                + (path.startsWith("/") ? path.substring(1) : path);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, location)
                .entity(entity)
                .build();
    }
}
