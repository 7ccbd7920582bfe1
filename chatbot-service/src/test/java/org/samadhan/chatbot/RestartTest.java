package org.samadhan.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * Messages that arrive while the bot is not consuming (a restart, a deployment) wait on Kafka and are answered
 * afterwards, each once and in the order the citizen sent them. (deploy/local/smoke-test.sh does the same across a
 * real stop and start of the service.)
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
class RestartTest {

    @Inject
    ChannelRegistry channels;

    @Test
    void messagesSentWhileTheBotIsNotConsumingAreAnsweredAfterwardsInOrder() {
        try (Citizen citizen = new Citizen()) {
            citizen.says("namaste");
            channels.getPausable("inbound").pause();
            try {
                String first = citizen.saysWithoutWaiting("hamare gaon ka handpump 5 din se kharab hai");
                String second = citizen.saysWithoutWaiting("Kanakot, Gurur");
                String third = citizen.saysWithoutWaiting("English");
                assertEquals(List.of(), citizen.repliesWithin(Duration.ofSeconds(2)), "nothing while paused");
                channels.getPausable("inbound").resume();
                List<OutboundMessage> replies = citizen.awaitReplies(4).subList(1, 4);
                assertEquals(List.of("reply:" + first + ":1", "reply:" + second + ":1", "reply:" + third + ":1"),
                        replies.stream().map(OutboundMessage::outboundId).toList());
                assertEquals(OutboundMessage.Type.LIST, replies.get(0).content().type(), "asked where");
                assertTrue(replies.get(1).content().body().contains("Kanakot, Gurur"), "then the summary");
                assertTrue(replies.get(2).content().body().startsWith("OK, we will talk in English."),
                        "then the summary again, in English");
                assertTrue(replies.get(2).content().body().contains("Send it to the district administration?"));
            } finally {
                channels.getPausable("inbound").resume();
            }
        }
    }
}
