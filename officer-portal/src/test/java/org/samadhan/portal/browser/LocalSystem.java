package org.samadhan.portal.browser;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Where the running system is (deploy/local/run.sh up), overridable with system properties. */
final class LocalSystem {

    static final String PORTAL = java.lang.System.getProperty("portal.url", "http://localhost:8087");
    static final String SANDBOX = java.lang.System.getProperty("sandbox.url", "http://localhost:8089");
    static final String KEYCLOAK = java.lang.System.getProperty("keycloak.url", "http://localhost:8180");
    static final String PASSWORD = java.lang.System.getenv().getOrDefault("LOCAL_OFFICIAL_PASSWORD", "local-password");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** An official's access token as the portal's users get one (Keycloak's password grant on the portal's client). */
    static String accessToken(String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=officer-portal&username=" + username + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(
                        KEYCLOAK + "/realms/balod/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak gave " + username + " no token: " + r.statusCode() + " " + r.body());
        }
        return new ObjectMapper().readTree(r.body()).path("access_token").asText();
    }

    private LocalSystem() {
    }
}
