package org.samadhan.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.Set;

/** Validates a payload, as its producer serialises it, against its topic's published schema. */
public final class SchemaValidation {

    private SchemaValidation() {
    }

    public static Set<ValidationMessage> validate(String topic, Object payload) throws IOException {
        String resource = EventSchemas.resourceFor(topic).orElseThrow();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaValidation.class.getResourceAsStream(resource),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        return schema.validate(Json.mapper().writeValueAsString(payload), InputFormat.JSON);
    }
}
