package org.samadhan.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where Keycloak sends the official after sign-out has ended their session there too (public). */
@Path("/signed-out")
@Produces(MediaType.TEXT_HTML)
public class SignedOut {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signedOut();
    }

    private final Language language;

    public SignedOut(Language language) {
        this.language = language;
    }

    @GET
    public TemplateInstance page() {
        return Templates.signedOut().setLocale(language.locale());
    }
}
