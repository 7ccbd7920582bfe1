package org.samadhan.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.contracts.whatsapp.InboundMessage;
import org.samadhan.contracts.whatsapp.MessageType;
import org.samadhan.contracts.whatsapp.MessagingPreference;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.ContractAssertions;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.WhatsAppIds;

/**
 * A citizen talking to the bot through Kafka, as the gateway delivers their messages: each message goes to
 * whatsapp.inbound.v1 and the bot's replies (whatsapp.outbound.v1) and commands (grievance.commands.v1) are collected
 * and checked against the contracts. Also plays grievance-service, publishing what happened to the grievance.
 */
final class Citizen implements AutoCloseable {

    static final String REF_KEY = "test-citizen-ref-key-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The id the citizen writes from: a phone number, or a business-scoped user id ({@code IN.…}). */
    String waId;
    private final KafkaTestClient kafka = KafkaTestClient.fromNowOn(Topics.WHATSAPP_OUTBOUND,
            Topics.GRIEVANCE_COMMANDS, Topics.WHATSAPP_PREFERENCES);
    private final List<OutboundMessage> replies = new ArrayList<>();
    private final List<GrievanceCommand> commands = new ArrayList<>();
    private final List<ConsumerRecord<String, String>> preferences = new ArrayList<>();
    private final List<String> transcript = new ArrayList<>();
    private int messagesSent;

    Citizen() {
        this("9197" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(),
                100_000_000L)));
    }

    Citizen(String id) {
        this.waId = id;
    }

    String ref() {
        return CitizenRefs.of(waId, REF_KEY);
    }

    int messagesSent() {
        return messagesSent;
    }

    // ---- what the citizen sends; each returns the bot's replies to it ----

    List<OutboundMessage> says(String text) {
        transcript.add("👤 " + text);
        return send(message(MessageType.TEXT).text(new InboundMessage.Text(text)));
    }

    List<OutboundMessage> taps(String replyId) {
        String title = titleOf(replyId);
        transcript.add("👤 [" + title + "]");
        return send(message(MessageType.INTERACTIVE).interactive(new InboundMessage.Interactive(
                replyId.startsWith("block:") || replyId.startsWith("track:") ? "list_reply" : "button_reply",
                replyId, title, null, null, null, null)));
    }

    List<OutboundMessage> sharesLocation(double latitude, double longitude) {
        transcript.add("👤 📍 (location pin)");
        return send(message(MessageType.LOCATION).location(new InboundMessage.Location(latitude, longitude, null,
                null, null)));
    }

    List<OutboundMessage> sendsMedia(MessageType type, String caption) {
        transcript.add("👤 (" + type.wireName() + ")" + (caption == null ? "" : " " + caption));
        return send(message(type).media(new InboundMessage.Media("media-" + UUID.randomUUID(),
                type == MessageType.AUDIO ? "audio/ogg; codecs=opus" : "image/jpeg", null, caption, null,
                type == MessageType.AUDIO ? Boolean.TRUE : null, null, null)));
    }

    /** A message of a kind the bot does not read (sticker, contacts, ...) or needs no answer to (revoke). */
    List<OutboundMessage> sendsA(MessageType type) {
        transcript.add("👤 (" + type.wireName() + ")");
        Message m = message(type);
        if (type == MessageType.STICKER) {
            m.media(new InboundMessage.Media("sticker-1", "image/webp", null, null, null, null, true, null));
        } else if (type == MessageType.REACTION) {
            m.reaction(new InboundMessage.Reaction("wamid.OUT", "👍"));
        } else if (type == MessageType.REVOKE) {
            m.revoke(new InboundMessage.Revoke("wamid.EARLIER"));
        }
        return type == MessageType.REVOKE || type == MessageType.SYSTEM ? sendExpectingSilence(m.build())
                : send(m);
    }

    /**
     * WhatsApp's notice that this citizen's id changed, as the gateway publishes it (system message from the old id,
     * keyed by it, naming the new one); from then on the citizen writes from {@code newId}. Nothing is answered.
     */
    String changesIdTo(String newId) {
        String oldId = waId;
        transcript.add("⚙️ WhatsApp: user id changed from " + oldId + " to " + newId);
        Message notice = message(MessageType.SYSTEM).system(Json.mapper().createObjectNode()
                .put("body", "User changed from " + oldId + " to " + newId).put("user_id", newId)
                .put("type", "user_changed_user_id")).newCitizenId(newId);
        InboundMessage message = notice.build();
        messagesSent++;
        produce(message);
        writesFrom(newId);
        return message.messageId();
    }

    /** From now on the citizen's messages carry {@code newId} (WhatsApp's notice may not have been handled yet). */
    void writesFrom(String newId) {
        waId = newId;
    }

    /** Sends words without waiting for the answer (the bot may not be consuming); returns the message id. */
    String saysWithoutWaiting(String text) {
        transcript.add("👤 " + text);
        InboundMessage message = message(MessageType.TEXT).text(new InboundMessage.Text(text)).build();
        messagesSent++;
        produce(message);
        return message.messageId();
    }

    /** Waits for {@code count} replies in all, returning every reply received so far in the order published. */
    List<OutboundMessage> awaitReplies(int count) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (replies.size() < count && Instant.now().isBefore(deadline)) {
            collect(Duration.ofMillis(100));
        }
        assertEquals(count, replies.size(), "replies: " + replies);
        return List.copyOf(replies);
    }

    /** Delivers the very same message again, as WhatsApp does after a lost acknowledgement. */
    void redelivers(InboundMessage message) {
        produce(message);
    }

    InboundMessage lastMessage;

    // ---- what the bot did ----

    /** The opt-outs / opt-ins published for this citizen so far (whatsapp.preferences.v1, keyed by them). */
    List<MessagingPreference> preferences() {
        collect(Duration.ofMillis(300));
        return preferences.stream().map(r -> read(r.value(), MessagingPreference.class)).toList();
    }

    List<GrievanceCommand> commands() {
        collect(Duration.ofMillis(300));
        return List.copyOf(commands);
    }

    GrievanceCommand awaitCommand(int count) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (commands.size() < count && Instant.now().isBefore(deadline)) {
            collect(Duration.ofMillis(100));
        }
        assertEquals(count, commands.size(), "commands issued: " + commands);
        return commands.get(count - 1);
    }

    /** Nothing (more) arrives for this citizen within the window. */
    List<OutboundMessage> repliesWithin(Duration window) {
        int before = replies.size();
        collect(window);
        return List.copyOf(replies.subList(before, replies.size()));
    }

    List<String> transcript() {
        return transcript;
    }

    // ---- playing grievance-service ----

    void grievanceEvent(String grievanceId, long version, String action, String toStatus, String number,
                        String department, Instant dueAt, String language) {
        grievanceEvent(ref(), grievanceId, version, action, toStatus, number, department, dueAt, language);
    }

    /** An event naming the citizen by {@code citizenRef}: grievance-service keeps the one a grievance was filed under. */
    void grievanceEvent(String citizenRef, String grievanceId, long version, String action, String toStatus,
                        String number, String department, Instant dueAt, String language) {
        var event = new GrievanceEvent(UUID.nameUUIDFromBytes((grievanceId + version).getBytes()).toString(),
                GrievanceEvent.eventTypeOf(action), Instant.now(), "BLD", grievanceId, number, version, action, null,
                toStatus, new GrievanceEvent.Actor("officer-1", "OFFICER"), null, citizenRef, language, department,
                "Gurur", null, 1, dueAt, null, null, null);
        KafkaTestClient.produce(Topics.GRIEVANCE_EVENTS, Map.of(grievanceId, json(event)));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private List<OutboundMessage> send(Message m) {
        InboundMessage message = m.build();
        messagesSent++;
        produce(message);
        String prefix = "reply:" + message.messageId() + ":";
        Instant deadline = Instant.now().plus(PATIENCE);
        while (replies.stream().noneMatch(r -> r.outboundId().startsWith(prefix)) && Instant.now().isBefore(deadline)) {
            collect(Duration.ofMillis(100));
        }
        collect(Duration.ofMillis(150)); // the rest of the turn is relayed in the same batch
        List<OutboundMessage> answer = replies.stream().filter(r -> r.outboundId().startsWith(prefix)).toList();
        if (answer.isEmpty()) {
            throw new AssertionError("No reply to " + message.type() + " within " + PATIENCE);
        }
        answer.forEach(r -> transcript.add("🤖 " + render(r)));
        return answer;
    }

    private List<OutboundMessage> sendExpectingSilence(InboundMessage message) {
        messagesSent++;
        produce(message);
        return repliesWithin(Duration.ofSeconds(2));
    }

    private void produce(InboundMessage message) {
        lastMessage = message;
        KafkaTestClient.produce(Topics.WHATSAPP_INBOUND, Map.of(message.citizenId(), json(message)));
    }

    private void collect(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(50))) {
                if (Topics.WHATSAPP_OUTBOUND.equals(record.topic()) && waId.equals(record.key())) {
                    ContractAssertions.assertHonoursContract(record);
                    replies.add(read(record.value(), OutboundMessage.class));
                } else if (Topics.WHATSAPP_PREFERENCES.equals(record.topic()) && waId.equals(record.key())) {
                    ContractAssertions.assertHonoursContract(record);
                    preferences.add(record);
                } else if (Topics.GRIEVANCE_COMMANDS.equals(record.topic())) {
                    GrievanceCommand command = read(record.value(), GrievanceCommand.class);
                    if (command.register() != null ? waId.equals(command.register().citizenWaId())
                            : ownsFeedback(command)) {
                        ContractAssertions.assertHonoursContract(record);
                        commands.add(command);
                    }
                }
            }
        } while (Instant.now().isBefore(deadline));
    }

    /** Feedback commands name only the grievance: this citizen's are those of grievances they registered. */
    private boolean ownsFeedback(GrievanceCommand command) {
        return commands.stream().anyMatch(c -> c.grievanceId().equals(command.grievanceId()));
    }

    private String titleOf(String replyId) {
        for (int i = replies.size() - 1; i >= 0; i--) {
            OutboundMessage.Content content = replies.get(i).content();
            if (content.buttons() != null) {
                for (var b : content.buttons()) {
                    if (b.id().equals(replyId)) {
                        return b.title();
                    }
                }
            }
            if (content.list() != null) {
                for (var section : content.list().sections()) {
                    for (var row : section.rows()) {
                        if (row.id().equals(replyId)) {
                            return row.title();
                        }
                    }
                }
            }
        }
        return replyId;
    }

    static String render(OutboundMessage reply) {
        OutboundMessage.Content c = reply.content();
        StringBuilder text = new StringBuilder(c.body().replace("\n", "\n   "));
        if (c.buttons() != null) {
            c.buttons().forEach(b -> text.append(" [").append(b.title()).append("]"));
        }
        if (c.list() != null) {
            text.append(" ☰ ").append(c.list().button()).append(":");
            c.list().sections().forEach(s -> s.rows().forEach(r -> text.append(" [").append(r.title()).append("]")));
        }
        return text.toString();
    }

    private Message message(MessageType type) {
        return new Message(type);
    }

    /** An inbound message as gateway-service publishes it. */
    private final class Message {
        private final MessageType type;
        private InboundMessage.Text text;
        private InboundMessage.Interactive interactive;
        private InboundMessage.Location location;
        private InboundMessage.Media media;
        private InboundMessage.Reaction reaction;
        private InboundMessage.Revoke revoke;
        private JsonNode system;
        private String newCitizenId;

        Message(MessageType type) {
            this.type = type;
        }

        Message system(JsonNode value) {
            this.system = value;
            return this;
        }

        Message newCitizenId(String value) {
            this.newCitizenId = value;
            return this;
        }

        Message text(InboundMessage.Text value) {
            this.text = value;
            return this;
        }

        Message interactive(InboundMessage.Interactive value) {
            this.interactive = value;
            return this;
        }

        Message location(InboundMessage.Location value) {
            this.location = value;
            return this;
        }

        Message media(InboundMessage.Media value) {
            this.media = value;
            return this;
        }

        Message reaction(InboundMessage.Reaction value) {
            this.reaction = value;
            return this;
        }

        Message revoke(InboundMessage.Revoke value) {
            this.revoke = value;
            return this;
        }

        InboundMessage build() {
            String id = WhatsAppIds.messageId(waId);
            Instant now = Instant.now();
            boolean phone = waId.chars().allMatch(Character::isDigit);
            return new InboundMessage(UUID.nameUUIDFromBytes(id.getBytes()).toString(), InboundMessage.EVENT_TYPE,
                    now, now, "BLD", id, waId, phone ? waId : null, phone ? null : waId, newCitizenId, "Citizen",
                    "106540352242922", "917000000000", type, type.wireName(), null, text, interactive, null, location,
                    media, null, reaction, null, system, revoke, null, null, null);
        }
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Unreadable " + type.getSimpleName() + ": " + json, e);
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
