package org.samadhan.portal.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A department of the shared directory as it was before a test, put back afterwards through routing-service's own
 * API as the collector (the running system is shared: a test leaves the directory as it found it); and the
 * classifier's verdict on a text, to file only what it cannot place.
 */
final class DirectoryRestore {

    static final String ROUTING = System.getProperty("routing.url", "http://localhost:8083");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String code;
    private final JsonNode original;

    private DirectoryRestore(String code, JsonNode original) {
        this.code = code;
        this.original = original;
    }

    /** Remembers the department {@code code} as it is now. */
    static DirectoryRestore remember(String code) {
        return new DirectoryRestore(code, get("/api/directory/departments/" + code));
    }

    JsonNode original() {
        return original;
    }

    /** Puts the department back, on whatever version the directory has reached (retried if it moves meanwhile). */
    void restore() {
        for (int attempt = 0; attempt < 5; attempt++) {
            int version = get("/api/directory").path("version").asInt();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(ROUTING + "/api/directory/departments/"
                    + code)).header("If-Match", Integer.toString(version)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(original.toString())));
            if (r.statusCode() == 200) {
                return;
            }
            if (r.statusCode() != 409) {
                throw new IllegalStateException("could not restore " + code + ": " + r.statusCode() + " " + r.body());
            }
        }
        throw new IllegalStateException("could not restore " + code + ": the directory kept changing");
    }

    /** Whether routing-service's classifier would place {@code text} in a department without the district cell. */
    static boolean autoRouted(String text) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ROUTING + "/api/routing/classify"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("text", text).toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("classify answered " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body()).path("autoRoute").asBoolean();
        } catch (IOException e) {
            throw new IllegalStateException("routing-service did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(ROUTING + path)).GET());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.header("Authorization", "Bearer " + LocalSystem.accessToken("collector")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("routing-service did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
