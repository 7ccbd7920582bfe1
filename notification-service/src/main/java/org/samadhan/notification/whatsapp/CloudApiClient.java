package org.samadhan.notification.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.samadhan.contracts.Json;
import org.samadhan.notification.config.NotificationConfig;

/** The WhatsApp Cloud API send endpoint, {@code {base-url}/{version}/{phone-number-id}/messages}, asynchronously. */
@ApplicationScoped
public class CloudApiClient {

    // HTTP/1.1 keep-alive, and an explicit executor: on a 2-core machine the JDK's default executor for async
    // completions starts a new thread for every step.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(3)).build();
    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;

    public CloudApiClient(NotificationConfig config) {
        var whatsapp = config.whatsapp();
        this.endpoint = URI.create(whatsapp.baseUrl().replaceAll("/+$", "") + "/" + whatsapp.version() + "/"
                + whatsapp.phoneNumberId() + "/messages");
        this.authorization = "Bearer " + whatsapp.accessToken();
        this.timeout = whatsapp.timeout();
    }

    public CompletableFuture<SendResult> send(JsonNode body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(CloudApiClient::read)
                .exceptionally(failure -> new SendResult.Unreachable(String.valueOf(
                        failure.getCause() == null ? failure : failure.getCause())));
    }

    private static SendResult read(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(response.body());
        } catch (IOException e) {
            return new SendResult.Refused(response.statusCode(), 0, "Unreadable answer", response.body());
        }
        String wamid = body.path("messages").path(0).path("id").asText(null);
        if (response.statusCode() == 200 && wamid != null) {
            return new SendResult.Accepted(wamid);
        }
        JsonNode error = body.path("error");
        return new SendResult.Refused(response.statusCode(), error.path("code").asInt(0),
                error.path("message").asText("HTTP " + response.statusCode()),
                error.path("error_data").path("details").asText(null));
    }
}
