package org.samadhan.portal.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.samadhan.contracts.directory.DistrictDirectory;

/** routing-service: the directory (officials, departments) and the classifier's suggestions. */
@RegisterRestClient(configKey = "routing-service")
@RegisterProvider(OfficialToken.class)
@Path("/api")
public interface RoutingApi {

    /** The directory with the version an edit must name. */
    record VersionedDirectory(int version, DistrictDirectory directory) {
    }

    /** A department and how sure the classifier is of it. */
    record Scored(String department, double confidence) {
    }

    /** The classifier's answer for a text. */
    record Classification(String department, double confidence, List<Scored> alternatives) {
    }

    @GET
    @Path("/directory")
    VersionedDirectory directory();

    @POST
    @Path("/routing/classify")
    Classification classify(Map<String, String> body);

    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        return BackendRefusal.of("routing-service", response);
    }
}
