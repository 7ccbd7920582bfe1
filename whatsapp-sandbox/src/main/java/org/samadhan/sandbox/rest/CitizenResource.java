package org.samadhan.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.samadhan.contracts.Json;
import org.samadhan.sandbox.Conversations;
import org.samadhan.sandbox.Faults;
import org.samadhan.sandbox.GraphError;
import org.samadhan.sandbox.RateLimits;
import org.samadhan.sandbox.WebhookDelivery;
import org.samadhan.sandbox.config.SandboxConfig;
import org.samadhan.testsupport.WhatsAppIds;

/**
 * The citizens' side and the controls: send a message as a citizen (delivered to the gateway as a signed webhook),
 * read a citizen's conversation, inject failures, make numbers undeliverable, age a citizen's 24-hour window.
 */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class CitizenResource {

    private final Conversations conversations;
    private final WebhookDelivery webhooks;
    private final Faults faults;
    private final RateLimits limits;
    private final SandboxConfig config;

    public CitizenResource(Conversations conversations, WebhookDelivery webhooks, Faults faults, RateLimits limits,
                           SandboxConfig config) {
        this.conversations = conversations;
        this.webhooks = webhooks;
        this.faults = faults;
        this.limits = limits;
        this.config = config;
    }

    /**
     * A message as WhatsApp's inbound shape without the envelope fields, e.g. {@code {"type":"text","text":{"body":
     * "..."}}}; id, sender and timestamp are filled in, the id made as WhatsApp makes them (base64 of a record that
     * holds the sender's number), and a reply's {@code context} (the business message's id) gets the business number
     * as its {@code from}. Answers the message id it will carry.
     */
    @POST
    @Path("/citizens/{waId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("waId") String waId, @QueryParam("name") String name, JsonNode partial) {
        if (!waId.matches("\\d{8,15}")) {
            return GraphError.invalidParameter("waId must be 8 to 15 digits").toResponse();
        }
        if (partial == null || !partial.isObject() || partial.path("type").asText("").isEmpty()) {
            return GraphError.missing("A message object with a type is required").toResponse();
        }
        Instant now = Instant.now();
        String id = WhatsAppIds.messageId(waId); // as WhatsApp's: it carries the sender's number
        ObjectNode message = Json.mapper().createObjectNode();
        message.put("from", waId);
        message.put("id", id);
        message.put("timestamp", String.valueOf(now.getEpochSecond()));
        message.setAll((ObjectNode) partial);
        if (message.path("context").isObject() && message.path("context").has("id")
                && !message.path("context").has("from")) {
            ((ObjectNode) message.path("context")).put("from", config.displayPhoneNumber());
        }
        conversations.inbound(waId, id, message, now);
        webhooks.message(waId, name == null ? "Citizen " + waId.substring(waId.length() - 4) : name, message,
                () -> conversations.reported(id, "delivered", null));
        return Response.accepted(Map.of("id", id)).build();
    }

    /**
     * The citizen's conversation in order: direction, timestamp, id and the message in WhatsApp's own shape, with its
     * ticks ({@code status}, and {@code error} when failed).
     */
    @GET
    @Path("/citizens/{waId}/messages")
    public List<Conversations.Item> conversation(@PathParam("waId") String waId) {
        return conversations.of(waId);
    }

    /** Every send accepted since a time, with when it arrived: what rate-limit checks measure. */
    @GET
    @Path("/sends")
    public List<Conversations.Send> sends(@QueryParam("since") @DefaultValue("1970-01-01T00:00:00Z") String since) {
        return conversations.sendsSince(Instant.parse(since));
    }

    @ServerExceptionMapper
    public Response badTime(DateTimeParseException e) {
        return GraphError.invalidParameter("since must be an ISO-8601 instant, e.g. 2026-11-30T10:15:30Z").toResponse();
    }

    /** How many sends were accepted since a time: cheap to ask often, unlike the list. */
    @GET
    @Path("/sends/count")
    public Map<String, Long> sendCount(@QueryParam("since") @DefaultValue("1970-01-01T00:00:00Z") String since) {
        return Map.of("count", conversations.sendCountSince(Instant.parse(since)));
    }

    /** Makes sends to this number fail later with 131026, as for a number not on WhatsApp. */
    @POST
    @Path("/citizens/{waId}/undeliverable")
    public Response undeliverable(@PathParam("waId") String waId) {
        conversations.markUndeliverable(waId);
        return Response.noContent().build();
    }

    /** Moves the citizen's last message back by {@code hours}, closing the 24-hour window when over 24. */
    @POST
    @Path("/citizens/{waId}/age")
    public Response age(@PathParam("waId") String waId, @QueryParam("hours") @DefaultValue("25") int hours) {
        conversations.age(waId, Duration.ofHours(hours));
        return Response.noContent().build();
    }

    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addFault(Faults.Fault fault) {
        if (fault == null || fault.rate() <= 0 || fault.rate() > 1
                || (fault.code() == null && fault.httpStatus() == null && fault.delayMillis() == null)) {
            return GraphError.invalidParameter("A fault needs a rate in (0, 1] and a code, httpStatus or "
                    + "delayMillis").toResponse();
        }
        faults.add(fault);
        return Response.noContent().build();
    }

    @GET
    @Path("/faults")
    public List<Faults.Fault> faults() {
        return faults.all();
    }

    @DELETE
    @Path("/faults")
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    /** Forgets conversations, faults, undeliverable numbers and rate-limit state. */
    @DELETE
    public Response reset() {
        conversations.clear();
        faults.clear();
        limits.reset();
        return Response.noContent().build();
    }
}
