package org.samadhan.portal.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citizen on their phone, through the WhatsApp sandbox's citizen side: what they write and tap reaches the
 * gateway as WhatsApp's signed webhooks, and what the district sends them shows in their conversation.
 */
final class Citizen {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("BLD-\\d{4}-\\d{6}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String waId;

    Citizen() {
        // A fresh Indian mobile number for every run, so runs on the same system never meet each other.
        this.waId = "9197" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    void writes(String text) {
        send("{\"type\":\"text\",\"text\":{\"body\":" + quote(text) + "}}");
    }

    void sendsPin(double latitude, double longitude) {
        send("{\"type\":\"location\",\"location\":{\"latitude\":" + latitude + ",\"longitude\":" + longitude + "}}");
    }

    /** Taps the newest reply button whose id starts with {@code idPrefix}, waiting for it to arrive. */
    void taps(String idPrefix, String title) {
        String id = awaitButton(idPrefix);
        send("{\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":"
                + quote(id) + ",\"title\":" + quote(title) + "}}}");
    }

    /** How many buttons starting with {@code idPrefix} the district has sent so far. */
    int buttons(String idPrefix) {
        return buttonIds(idPrefix).size();
    }

    String awaitButton(String idPrefix) {
        return awaitButton(idPrefix, 1);
    }

    /** The newest button id starting with {@code idPrefix} once at least {@code count} such buttons arrived. */
    String awaitButton(String idPrefix, int count) {
        List<String> ids = await(c -> buttonIds(idPrefix).size() >= count, "a button " + idPrefix + " (" + count + ")",
                () -> buttonIds(idPrefix));
        return ids.get(ids.size() - 1);
    }

    /** The grievance number the district sent, once it has. */
    String awaitNumber() {
        return await(c -> number() != null, "a grievance number", this::number);
    }

    /** Files a complaint as villagers do: their words, the block from the bot's list, the village, then Submit. */
    String files(String words, String block, String village) {
        return files(0, words, block, village);
    }

    /**
     * Files as a villager who greets, taps "File a complaint" and then writes: asked to describe the problem, whatever
     * they write is the description, even words the bot would not otherwise take for a complaint.
     */
    String filesFromTheMenu(String words, String block, String village) {
        writes("नमस्ते");
        taps("menu:file", "शिकायत दर्ज करें");
        awaitOut(2);
        return files(2, words, block, village);
    }

    /** Files after {@code earlier} messages from the district. */
    private String files(int earlier, String words, String block, String village) {
        writes(words);
        picks("block:" + block, block);
        awaitOut(earlier + 2);
        writes(village);
        taps("review:submit:", "भेजें");
        return awaitNumber();
    }

    /** Picks the row {@code id} of the newest list message offering it, waiting for it to arrive. */
    void picks(String id, String title) {
        await(c -> listRowIds().contains(id), "a list row " + id, () -> null);
        send("{\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\",\"list_reply\":{\"id\":"
                + quote(id) + ",\"title\":" + quote(title) + "}}}");
    }

    private List<String> listRowIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : outbound()) {
            for (JsonNode section : m.path("message").path("interactive").path("action").path("sections")) {
                for (JsonNode row : section.path("rows")) {
                    ids.add(row.path("id").asText());
                }
            }
        }
        return ids;
    }

    void awaitOut(int count) {
        await(c -> outbound().size() >= count, count + " messages from the district", () -> null);
    }

    private String number() {
        for (JsonNode m : outbound()) {
            Matcher found = NUMBER.matcher(m.toString());
            if (found.find()) {
                return found.group();
            }
        }
        return null;
    }

    private List<String> buttonIds(String idPrefix) {
        List<String> ids = new ArrayList<>();
        for (JsonNode m : outbound()) {
            for (JsonNode button : m.path("message").path("interactive").path("action").path("buttons")) {
                String id = button.path("reply").path("id").asText();
                if (id.startsWith(idPrefix)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    List<JsonNode> outbound() {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : conversation()) {
            if ("out".equals(m.path("direction").asText())) {
                out.add(m);
            }
        }
        return out;
    }

    private JsonNode conversation() {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(
                    LocalSystem.SANDBOX + "/sandbox/citizens/" + waId + "/messages")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void send(String message) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(
                    LocalSystem.SANDBOX + "/sandbox/citizens/" + waId + "/messages?name=Ramesh%20Sahu"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(message))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 202) {
                throw new IllegalStateException("the sandbox refused " + message + ": " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> T await(Predicate<Citizen> done, String what, java.util.function.Supplier<T> result) {
        Instant until = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(until)) {
            if (done.test(this)) {
                return result.get();
            }
            sleep(300);
        }
        throw new AssertionError("the citizen's phone never showed " + what + ": " + conversation());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
