package org.samadhan.sandbox.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code /phone}: the citizen's phone page, whose static files are under {@code /phone/}. */
@Path("/phone")
public class PhoneResource {

    @GET
    public Response page() {
        return Response.status(Response.Status.FOUND).location(URI.create("/phone/")).build();
    }
}
