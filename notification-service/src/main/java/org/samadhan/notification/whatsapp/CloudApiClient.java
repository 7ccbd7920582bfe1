package org.samadhan.notification.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.samadhan.contracts.Json;
import org.samadhan.notification.config.NotificationConfig;

/**
 * The WhatsApp Cloud API send endpoint, {@code {base-url}/{version}/{phone-number-id}/messages}, asynchronously.
 *
 * <p>Vert.x's client (the event loop Quarkus already runs) with one kept-alive connection per send in flight: the
 * JDK's {@code HttpClient} topped out near 400 requests/s on the 2-core machine whatever the concurrency, a tenth of
 * what the same sandbox answers to wrk. Answers are read on the event loop, so callers must not block in them.
 */
@ApplicationScoped
public class CloudApiClient {

    private final HttpClient http;
    private final RequestOptions target;
    private final String authorization;

    public CloudApiClient(Vertx vertx, NotificationConfig config) {
        var whatsapp = config.whatsapp();
        URI endpoint = URI.create(whatsapp.baseUrl().replaceAll("/+$", "") + "/" + whatsapp.version() + "/"
                + whatsapp.phoneNumberId() + "/messages");
        boolean tls = "https".equals(endpoint.getScheme());
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setSsl(tls).setKeepAlive(true).setTcpNoDelay(true)
                        .setConnectTimeout((int) whatsapp.timeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.sending().concurrency()));
        this.target = new RequestOptions().setMethod(HttpMethod.POST).setHost(endpoint.getHost())
                .setPort(endpoint.getPort() > 0 ? endpoint.getPort() : tls ? 443 : 80).setSsl(tls)
                .setURI(endpoint.getRawPath()).setIdleTimeout(whatsapp.timeout().toMillis());
        this.authorization = "Bearer " + whatsapp.accessToken();
    }

    public CompletionStage<SendResult> send(JsonNode body) {
        Buffer payload = Buffer.buffer(body.toString().getBytes(StandardCharsets.UTF_8));
        return http.request(new RequestOptions(target))
                // Failures from here on happen after the request may have been written: the outcome is unknown.
                .compose(request -> request.putHeader(HttpHeaders.AUTHORIZATION, authorization)
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .send(payload)
                        .compose(response -> response.body().map(answer -> read(response.statusCode(), answer)))
                        .otherwise(failure -> new SendResult.Unknown(describe(failure))))
                // Only getting a connection failed: nothing left this process.
                .otherwise(failure -> new SendResult.NotSent(describe(failure)))
                .toCompletionStage();
    }

    private static String describe(Throwable failure) {
        return String.valueOf(failure.getCause() == null ? failure : failure.getCause());
    }

    private static SendResult read(int status, Buffer answer) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(answer.getBytes());
        } catch (IOException e) {
            body = Json.mapper().missingNode();
        }
        String wamid = body.path("messages").path(0).path("id").asText(null);
        if (status == 200 && wamid != null) {
            return new SendResult.Accepted(wamid);
        }
        JsonNode error = body.path("error");
        if (error.path("code").isInt()) {
            return new SendResult.Refused(status, error.path("code").asInt(),
                    error.path("message").asText("HTTP " + status),
                    error.path("error_data").path("details").asText(null));
        }
        if (status < 300 || status >= 500) {
            return new SendResult.Unknown("HTTP " + status + " without WhatsApp's message id or error");
        }
        String text = answer.toString(StandardCharsets.UTF_8);
        return new SendResult.Refused(status, 0, "HTTP " + status + " without WhatsApp's error",
                text.length() > 200 ? text.substring(0, 200) : text);
    }
}
