package org.samadhan.portal.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;

/** Switching the pages' language, remembered in a cookie for a year; back to the page it was chosen on. */
@Path("/language")
public class LanguageChoice {

    static final int REMEMBER_SECONDS = (int) Duration.ofDays(365).toSeconds();

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@FormParam("lang") String lang, @HeaderParam("Referer") String referer) {
        var cookie = new NewCookie.Builder(Language.COOKIE).value(Language.of(lang).getLanguage()).path("/")
                .maxAge(REMEMBER_SECONDS).httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(backTo(referer))).cookie(cookie).build();
    }

    /** The path of the page the choice was made on; never another site (an open redirect). */
    static String backTo(String referer) {
        if (referer == null) {
            return "/worklist";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/worklist";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException e) {
            return "/worklist";
        }
    }
}
