package org.samadhan.routing.rest;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.samadhan.routing.Router;
import org.samadhan.routing.RoutingDecision;
import org.samadhan.routing.classifier.Classification;
import org.samadhan.routing.config.RoutingConfig;

/**
 * {@code POST /api/routing/classify}: where a complaint text would be routed, for the officers' triage screen and for
 * evaluation. Open without a token (the text is all it holds), so it is rate-limited per client address.
 */
@Path("/api/routing/classify")
public class ClassifyResource {

    /** The request: the complaint's text. */
    public record ClassifyRequest(String text) {
    }

    /** The answer, as the contract states it. */
    public record ClassifyResponse(String department, double confidence, boolean autoRoute, String routedTo,
                                   List<Classification.Scored> alternatives, List<String> reasons) {
    }

    private final Router router;
    private final RoutingConfig config;
    private final RateLimiterRegistry limiters;

    public ClassifyResource(Router router, RoutingConfig config) {
        this.router = router;
        this.config = config;
        this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(config.classifyPerMinute()).limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ClassifyResponse classify(String body, @Context RoutingContext http) {
        String client = http.request().remoteAddress() == null ? "unknown" : http.request().remoteAddress().host();
        if (!limiters.rateLimiter(client).acquirePermission()) {
            throw new ApiErrors.TooManyRequests("At most " + config.classifyPerMinute()
                    + " classifications per minute from one address; try again shortly");
        }
        if (body == null || body.isBlank()) {
            throw new ApiErrors.InvalidInput("text", "text is required: the complaint to classify");
        }
        ClassifyRequest request = ApiErrors.readBody(body, ClassifyRequest.class);
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw new ApiErrors.InvalidInput("text", "text is required: the complaint to classify");
        }
        if (request.text().length() > config.maxTextLength()) {
            throw new ApiErrors.InvalidInput("text", "text is longer than " + config.maxTextLength() + " characters");
        }
        RoutingDecision decision = router.route(request.text(), null, null);
        return new ClassifyResponse(decision.department(), round(decision.confidence()), decision.autoRoute(),
                decision.routedTo(), decision.alternatives().stream()
                        .map(a -> new Classification.Scored(a.department(), round(a.confidence()))).toList(),
                decision.reasons());
    }

    /** Forgets idle clients' limiters, so the registry does not grow with every address ever seen. */
    @Scheduled(every = "10m")
    void forgetClients() {
        limiters.getAllRateLimiters().forEach(l -> limiters.remove(l.getName()));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
