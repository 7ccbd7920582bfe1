package org.samadhan.portal.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

    /**
     * Replaces one department (collector); {@code version} is the directory version the edit was made on, and a
     * newer one answers 409.
     */
    @PUT
    @Path("/directory/departments/{code}")
    VersionedDirectory replaceDepartment(@PathParam("code") String code, @HeaderParam("If-Match") int version,
                                         DistrictDirectory.Department department);

    /** Adds or replaces an official (collector), under the same compare-and-set on {@code version}. */
    @PUT
    @Path("/directory/officials/{id}")
    VersionedDirectory replaceOfficial(@PathParam("id") String id, @HeaderParam("If-Match") int version,
                                       DistrictDirectory.Official official);

    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        return BackendRefusal.of("routing-service", response);
    }
}
