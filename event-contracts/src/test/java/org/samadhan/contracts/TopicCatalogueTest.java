package org.samadhan.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The three descriptions of our topics (code, AsyncAPI for integrators, deployment) must never drift apart. */
class TopicCatalogueTest {

    private static final Path ASYNCAPI = Path.of("asyncapi.yaml");
    private static final Path DEPLOYED = Path.of("../deploy/kafka/topics.tsv");

    @Test
    void asyncApiAndDeploymentListExactlyTheCataloguedTopicsAndTheirDeadLetterTopics() throws IOException {
        Set<String> catalogue = new TreeSet<>(Topics.ALL);
        Topics.ALL.forEach(topic -> catalogue.add(Topics.deadLetter(topic)));

        Set<String> inAsyncApi = new TreeSet<>();
        asyncApi().path("channels").forEach(channel -> inAsyncApi.add(channel.path("address").asText()));
        assertEquals(catalogue, inAsyncApi);

        Set<String> deployed = Files.readAllLines(DEPLOYED).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogue, deployed);
    }

    @Test
    void everyPublishedSchemaIsAValidDraft202012SchemaReferencedByTheAsyncApiDocument() throws IOException {
        var metaSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(java.net.URI.create("https://json-schema.org/draft/2020-12/schema"));
        String asyncApiText = Files.readString(ASYNCAPI);
        for (String topic : Topics.ALL) {
            var resource = EventSchemas.resourceFor(topic);
            if (resource.isEmpty()) {
                continue;
            }
            String schema = new String(getClass().getResourceAsStream(resource.get()).readAllBytes());
            assertEquals(Set.of(), metaSchema.validate(schema, InputFormat.JSON), resource.get());
            assertTrue(asyncApiText.contains("src/main/resources" + resource.get()),
                    "asyncapi.yaml references " + resource.get());
        }
    }

    private static JsonNode asyncApi() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile());
    }
}
