package org.samadhan.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.EventSchemas;
import org.samadhan.contracts.Json;

/** The contract test: a record a producer wrote must validate against its topic's published schema and headers. */
public final class ContractAssertions {

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractAssertions() {
    }

    /** Fails unless the record's value validates against its topic's schema and it carries the CloudEvents headers. */
    public static void assertHonoursContract(ConsumerRecord<String, String> record) {
        assertValid(record.topic(), record.value());
        for (String header : new String[] {CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
                CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE, CloudEventHeaders.TIME, CloudEventHeaders.DISTRICT}) {
            if (CloudEventHeaders.get(record.headers(), header) == null) {
                throw new AssertionError("Record on " + record.topic() + " lacks header " + header);
            }
        }
        JsonNode body = parse(record.value());
        // Events name themselves by eventId, outbound messages by outboundId, commands by commandId.
        String id = body.has("eventId") ? "eventId" : body.has("outboundId") ? "outboundId" : "commandId";
        expectEqual(CloudEventHeaders.ID, CloudEventHeaders.get(record.headers(), CloudEventHeaders.ID),
                body.path(id).asText());
        if (body.has("eventType")) {
            expectEqual(CloudEventHeaders.TYPE, CloudEventHeaders.get(record.headers(), CloudEventHeaders.TYPE),
                    body.path("eventType").asText());
        }
        expectEqual(CloudEventHeaders.DISTRICT, CloudEventHeaders.get(record.headers(), CloudEventHeaders.DISTRICT),
                body.path("districtCode").asText());
    }

    /** Fails with every violation listed unless the JSON validates against the topic's schema. */
    public static void assertValid(String topic, String json) {
        Set<ValidationMessage> errors = schemaFor(topic).validate(json, InputFormat.JSON);
        if (!errors.isEmpty()) {
            throw new AssertionError("Event on " + topic + " breaks its schema: "
                    + errors.stream().map(ValidationMessage::getMessage).collect(Collectors.joining("; "))
                    + "\n" + json);
        }
    }

    private static JsonSchema schemaFor(String topic) {
        return SCHEMAS.computeIfAbsent(topic, t -> {
            String resource = EventSchemas.resourceFor(t)
                    .orElseThrow(() -> new AssertionError("No published schema for topic " + t));
            try (InputStream in = ContractAssertions.class.getResourceAsStream(resource)) {
                var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read schema " + resource, e);
            }
        });
    }

    private static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Record value is not JSON: " + json, e);
        }
    }

    private static void expectEqual(String header, String headerValue, String bodyValue) {
        if (!headerValue.equals(bodyValue)) {
            throw new AssertionError("Header " + header + "=" + headerValue + " disagrees with the body: " + bodyValue);
        }
    }
}
