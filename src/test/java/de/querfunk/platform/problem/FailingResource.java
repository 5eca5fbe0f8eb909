package de.querfunk.platform.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Fails the way a bug would, so tests can see what a client gets from a 500. */
@Path("/api/v1/test-only/failure")
public class FailingResource {

    @GET
    public String fail() {
        throw new IllegalStateException("secret internal detail: connection string jdbc:postgresql://db/prod");
    }
}
