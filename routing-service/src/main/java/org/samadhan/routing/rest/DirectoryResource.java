package org.samadhan.routing.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.samadhan.contracts.Departments;
import org.samadhan.routing.directory.Directory;
import org.samadhan.contracts.directory.DistrictDirectory;

/**
 * The department directory over REST: every official can read it; the collector edits a department (officers per
 * block, escalation ladder, service level, vocabulary) or an official (role, WhatsApp number, language), which takes
 * effect at once, without a restart, and reaches the other services through {@code routing.directory.v1}. Edits name the
 * version they were made on ({@code If-Match}), so two people editing at once cannot silently overwrite each other.
 */
@Path("/api/directory")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    private static final int MAX_VOCABULARY = 500;
    private static final int MAX_ENTRY = 2000;
    private static final List<String> ROLES = List.of("OFFICER", "DEPARTMENT_HEAD", "COLLECTOR");

    /** The directory with its version, which an edit must name. */
    public record VersionedDirectory(int version, DistrictDirectory directory) {
    }

    private final Directory directory;
    private final JsonWebToken token;

    public DirectoryResource(Directory directory, JsonWebToken token) {
        this.directory = directory;
        this.token = token;
    }

    @GET
    @RolesAllowed({"officer", "department_head", "collector"})
    public VersionedDirectory get() {
        Directory.Snapshot snapshot = directory.current();
        return new VersionedDirectory(snapshot.version(), snapshot.data());
    }

    @GET
    @Path("/departments/{code}")
    @RolesAllowed({"officer", "department_head", "collector"})
    public DistrictDirectory.Department department(@PathParam("code") String code) {
        return find(code);
    }

    @PUT
    @Path("/departments/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("collector")
    public Response replace(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
                            String body) throws SQLException {
        find(code);
        DistrictDirectory.Department department = ApiErrors.readBody(body, DistrictDirectory.Department.class);
        int expected = version(ifMatch);
        validate(code, department);
        if (!directory.replace(department, expected, token.getName() == null ? "collector" : token.getName())) {
            throw new ApiErrors.Conflict("The directory changed since version " + expected
                    + "; reload it and apply your edit again");
        }
        Directory.Snapshot now = directory.current();
        return Response.ok(new VersionedDirectory(now.version(), now.data())).build();
    }

    @PUT
    @Path("/officials/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("collector")
    public Response replaceOfficial(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                    String body) throws SQLException {
        DistrictDirectory.Official official = ApiErrors.readBody(body, DistrictDirectory.Official.class);
        int expected = version(ifMatch);
        validate(id, official);
        if (!directory.replaceOfficial(official, expected, token.getName() == null ? "collector" : token.getName())) {
            throw new ApiErrors.Conflict("The directory changed since version " + expected
                    + "; reload it and apply your edit again");
        }
        Directory.Snapshot now = directory.current();
        return Response.ok(new VersionedDirectory(now.version(), now.data())).build();
    }

    private void validate(String id, DistrictDirectory.Official o) {
        if (o == null) {
            throw new ApiErrors.InvalidInput("body", "The official is required");
        }
        if (!id.equals(o.id())) {
            throw new ApiErrors.InvalidInput("id", "id must be " + id + ", as in the path");
        }
        if (!ROLES.contains(o.role())) {
            throw new ApiErrors.InvalidInput("role", "role must be one of " + ROLES);
        }
        if (isBlank(o.name()) || o.name().length() > 200) {
            throw new ApiErrors.InvalidInput("name", "name is required, at most 200 characters");
        }
        if (o.whatsapp() == null || !o.whatsapp().matches("[1-9]\\d{7,14}")) {
            throw new ApiErrors.InvalidInput("whatsapp",
                    "whatsapp is the number with its country code, digits only, e.g. 919876543210");
        }
        if (!List.of("hi", "en").contains(o.language())) {
            throw new ApiErrors.InvalidInput("language", "language must be hi or en");
        }
        if (!"COLLECTOR".equals(o.role()) && !Departments.isKnown(o.departmentCode())) {
            throw new ApiErrors.InvalidInput("departmentCode", "departmentCode must be one of " + Departments.CODES);
        }
    }

    private DistrictDirectory.Department find(String code) {
        return directory.current().data().departments().stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new ApiErrors.NotFound("No department " + code + "; codes are "
                        + Departments.CODES));
    }

    private static int version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiErrors.InvalidInput("If-Match", "If-Match is required: the directory version you edited");
        }
        try {
            return Integer.parseInt(ifMatch.replace("\"", "").strip());
        } catch (NumberFormatException e) {
            throw new ApiErrors.InvalidInput("If-Match", "If-Match must be the directory version, e.g. \"3\"");
        }
    }

    private void validate(String code, DistrictDirectory.Department d) {
        if (d == null) {
            throw new ApiErrors.InvalidInput("body", "The department is required");
        }
        if (!code.equals(d.code())) {
            throw new ApiErrors.InvalidInput("code", "code must be " + code + ", as in the path");
        }
        if (d.name() == null || isBlank(d.name().get("hi")) || isBlank(d.name().get("en"))) {
            throw new ApiErrors.InvalidInput("name", "name needs both \"hi\" and \"en\"");
        }
        try {
            if (d.serviceLevel() == null || Duration.parse(d.serviceLevel()).isNegative()) {
                throw new ApiErrors.InvalidInput("serviceLevel", "serviceLevel is an ISO-8601 duration, e.g. P7D");
            }
        } catch (DateTimeParseException e) {
            throw new ApiErrors.InvalidInput("serviceLevel", "serviceLevel is an ISO-8601 duration, e.g. P7D");
        }
        if (d.escalatedServiceLevel() != null && !isDuration(d.escalatedServiceLevel())) {
            throw new ApiErrors.InvalidInput("escalatedServiceLevel",
                    "escalatedServiceLevel is an ISO-8601 duration, e.g. P3D, or absent for the district's");
        }
        List<String> blocks = directory.current().data().blocks();
        Map<String, String> officers = d.officers() == null ? Map.of() : d.officers();
        for (String block : blocks) {
            if (isBlank(officers.get(block))) {
                throw new ApiErrors.InvalidInput("officers", "officers needs an officer for every block: " + blocks);
            }
        }
        if (!blocks.containsAll(officers.keySet())) {
            throw new ApiErrors.InvalidInput("officers", "officers may only name the district's blocks: " + blocks);
        }
        if (d.escalation() == null || d.escalation().isEmpty() || d.escalation().size() > 2
                || d.escalation().stream().anyMatch(DirectoryResource::isBlank)) {
            throw new ApiErrors.InvalidInput("escalation",
                    "escalation lists the officials of levels 2 and 3 (one or two ids), lowest level first");
        }
        DistrictDirectory current = directory.current().data();
        for (String official : concat(officers.values(), d.escalation())) {
            if (current.official(official).isEmpty()) {
                throw new ApiErrors.InvalidInput(officers.containsValue(official) ? "officers" : "escalation",
                        "No official " + official + " in the directory; add them first (PUT /api/directory/officials/"
                                + official + ")");
            }
        }
        if (d.vocabulary() == null || d.vocabulary().size() > MAX_VOCABULARY
                || d.vocabulary().stream().anyMatch(v -> v == null || v.length() > MAX_ENTRY)) {
            throw new ApiErrors.InvalidInput("vocabulary", "vocabulary is a list of at most " + MAX_VOCABULARY
                    + " entries of at most " + MAX_ENTRY + " characters");
        }
    }

    private static List<String> concat(java.util.Collection<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean isDuration(String s) {
        try {
            return !Duration.parse(s).isNegative();
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
