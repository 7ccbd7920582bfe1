package org.samadhan.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.samadhan.portal.client.BackendRefusal;

/**
 * Pages for what went wrong. Not found is one page whatever the reason (no such grievance, another department's,
 * no such address), so that it tells nothing; a service that failed is a "try again" page, never a stack trace.
 * They use the plain layout: an address no page serves has no session or form token to show.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance unavailable();
    }

    private final Language language;

    public ErrorPages(Language language) {
        this.language = language;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, Templates.notFound());
    }

    @ServerExceptionMapper
    public Response refused(BackendRefusal e) {
        if (e.notFound()) {
            return page(404, Templates.notFound());
        }
        LOG.warnf("a service refused the page's request: %d %s", e.status(), e.getMessage());
        return page(503, Templates.unavailable());
    }

    @ServerExceptionMapper
    public Response unreachable(jakarta.ws.rs.ProcessingException e) {
        LOG.warnf("a service could not be reached: %s", e.getMessage());
        return page(503, Templates.unavailable());
    }

    private Response page(int status, TemplateInstance template) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(template.setLocale(language.locale()).render()).build();
    }
}
