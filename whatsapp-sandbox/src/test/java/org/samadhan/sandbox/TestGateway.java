package org.samadhan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.samadhan.contracts.Json;

/** Stands where the gateway would: checks each webhook's signature independently and keeps what arrived. */
@Path("/test-gateway/webhooks")
public class TestGateway {

    /** One webhook as received. */
    public record Received(String rawBody, JsonNode body, boolean signatureValid) {
    }

    public static final List<Received> RECEIVED = new ArrayList<>();
    /** How many of the next webhooks to answer 500, as a gateway without Kafka would. */
    public static final AtomicInteger FAIL_NEXT = new AtomicInteger();

    @POST
    public Response receive(@HeaderParam("X-Hub-Signature-256") String signature, byte[] raw) throws Exception {
        if (FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            record(raw, signature);
            return Response.serverError().build();
        }
        record(raw, signature);
        return Response.ok().build();
    }

    public static synchronized List<Received> received() {
        return List.copyOf(RECEIVED);
    }

    public static synchronized void clear() {
        RECEIVED.clear();
        FAIL_NEXT.set(0);
    }

    private static synchronized void record(byte[] raw, String signature) throws IOException, Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(raw));
        RECEIVED.add(new Received(new String(raw, StandardCharsets.US_ASCII), Json.mapper().readTree(raw),
                expected.equals(signature)));
    }
}
