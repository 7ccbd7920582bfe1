package org.samadhan.gateway.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.samadhan.gateway.GatewayMetrics;
import org.samadhan.gateway.WebhookIntake;
import org.samadhan.gateway.WebhookOutcome;
import org.samadhan.gateway.WebhookParser;
import org.samadhan.gateway.config.GatewayConfig;

/** The WhatsApp Cloud API callback URL: the subscription handshake and the notifications. */
@Path("/webhooks/whatsapp")
public class WhatsAppWebhookResource {

    private final WebhookIntake intake;
    private final GatewayMetrics metrics;
    private final byte[] verifyToken;
    private final String beyondLimits;

    public WhatsAppWebhookResource(WebhookIntake intake, GatewayMetrics metrics, GatewayConfig config) {
        this.intake = intake;
        this.metrics = metrics;
        this.verifyToken = config.verifyToken().getBytes(StandardCharsets.UTF_8);
        this.beyondLimits = "JSON beyond the limits: nested deeper than " + config.maxJsonDepth()
                + " levels, a number over " + WebhookParser.MAX_NUMBER_LENGTH + " digits or a field name over "
                + WebhookParser.MAX_NAME_LENGTH + " characters";
    }

    /** Meta calls this when the callback URL is saved: echo the challenge if the token is ours. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                           @QueryParam("hub.challenge") String challenge) {
        boolean ok = "subscribe".equals(mode) && token != null && challenge != null
                && MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
        metrics.request(ok ? WebhookOutcome.HANDSHAKE_OK : WebhookOutcome.HANDSHAKE_REFUSED);
        return ok ? Response.ok(challenge).build() : Response.status(Response.Status.FORBIDDEN).build();
    }

    /**
     * Messages and statuses. 200 means every event is durably in Kafka; anything else makes WhatsApp redeliver.
     * Runs on the event loop: the work is CPU only (HMAC, JSON) and the Kafka acknowledgement is awaited without a thread.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> receive(@HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        return intake.receive(body == null ? new byte[0] : body, signature).thenApply(this::answer);
    }

    private Response answer(WebhookOutcome outcome) {
        return switch (outcome) {
            case ACCEPTED, DEAD_LETTERED -> Response.ok().build();
            case BAD_SIGNATURE -> error(Response.Status.UNAUTHORIZED, "missing or invalid X-Hub-Signature-256");
            case NOT_JSON -> error(Response.Status.BAD_REQUEST, "body is not JSON");
            case BEYOND_LIMITS -> error(Response.Status.BAD_REQUEST, beyondLimits);
            case UNAVAILABLE -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "5")
                    .entity(Map.of("error", "temporarily unable to store the notification; retry"))
                    .build();
            default -> throw new IllegalStateException("Not an answer to a notification: " + outcome);
        };
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }
}
