package org.samadhan.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.samadhan.gateway.config.GatewayConfig;

/**
 * Reads a signed webhook body into a JSON tree within explicit limits, so that a body nested 100,000 levels deep is
 * refused by the streaming parser at the first level past the limit instead of being built into a tree.
 */
@ApplicationScoped
public class WebhookParser {

    /** Longest number (digits) and field name (characters) accepted; Jackson's defaults, stated so they stay put. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    public static final int MAX_NAME_LENGTH = 50_000;

    private final ObjectMapper mapper;

    public WebhookParser(GatewayConfig config) {
        // Its own factory: the shared event mapper (Json.mapper()) keeps Jackson's defaults for everything else.
        this.mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(config.maxJsonDepth())
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .build())
                .build());
    }

    /** The body's tree; fails with {@link BeyondLimits} past a limit, with another IOException when not JSON. */
    public JsonNode read(byte[] body) throws IOException {
        try {
            JsonNode json = mapper.readTree(body);
            if (json == null || json.isMissingNode()) {
                throw new IOException("no JSON value");
            }
            return json;
        } catch (StreamConstraintsException beyond) {
            throw new BeyondLimits(beyond);
        }
    }

    /** The body is JSON-like but past one of the parser's limits. */
    public static final class BeyondLimits extends IOException {
        BeyondLimits(StreamConstraintsException cause) {
            super(cause.getOriginalMessage(), cause);
        }
    }
}
