package de.querfunk.identity.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import de.querfunk.identity.Credential;
import de.querfunk.identity.CurrentPerson;

/** Records what the client presented; verification happens when a service asks (on a worker thread). */
public class CredentialFilter {

    @Inject
    CurrentPerson current;

    @ServerRequestFilter
    public void capture(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(Credential.SESSION_COOKIE);
        current.present(Credential.of(request.getHeaderString(HttpHeaders.AUTHORIZATION), cookie == null ? null : cookie.getValue()),
                request.getMethod(), request.getHeaderString(Credential.CSRF_HEADER));
    }
}
