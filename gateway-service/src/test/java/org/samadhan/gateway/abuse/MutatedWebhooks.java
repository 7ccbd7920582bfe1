package org.samadhan.gateway.abuse;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.samadhan.gateway.Webhooks;

/**
 * Real WhatsApp webhooks (the test fixtures: text, interactive, location, image, statuses, ...) with one to four edits
 * of their tree (a field removed, null, a value of another type, a number where a string goes, a huge Hindi string,
 * an unknown message type) and possibly one edit of their bytes (truncated, invalid UTF-8, a duplicated key), written
 * back with non-ASCII escaped as WhatsApp sends it and correctly signed, so that every one reaches the parser.
 */
public final class MutatedWebhooks {

    static final List<String> FIXTURES = List.of("text-hindi-emoji", "interactive-button-reply",
            "interactive-list-reply", "interactive-nfm-reply", "location-pin", "image-with-caption", "audio-voice-note",
            "document", "contacts", "reaction", "order", "system-changed-number", "system-changed-user-id", "edit",
            "unsupported", "statuses", "status-bsuid-recipient", "batch", "bsuid-only-sender", "no-contacts");

    private static final ObjectMapper READER = new ObjectMapper();
    /** WhatsApp escapes every non-ASCII character as \\uXXXX (surrogate pairs for emoji) and signs those bytes. */
    private static final ObjectMapper WHATSAPP_WRITER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String HINDI = "हमारे गाँव का हैंडपंप दस दिन से खराब है 🙏 ";

    private MutatedWebhooks() {
    }

    enum TreeEdit { REMOVE, NULL, OTHER_TYPE, NUMBER_FOR_STRING, HUGE_STRING, UNKNOWN_TYPE }

    enum ByteEdit { NONE, TRUNCATE, INVALID_UTF8, DUPLICATE_KEY }

    /** An edit of the tree at the {@code target}-th node (modulo their number), with {@code value} where one is put. */
    record Edit(TreeEdit kind, int target, JsonNode value, int size) {
    }

    /** A fixture, one to four tree edits, and in four cases out of ten one byte edit. */
    public static WebhookCase next(SplittableRandom random) {
        String fixture = Draw.of(random, FIXTURES);
        List<Edit> edits = new ArrayList<>();
        for (int i = Draw.between(random, 1, 4); i > 0; i--) {
            edits.add(new Edit(Draw.of(random, TreeEdit.values()), random.nextInt(1_000), value(random),
                    Draw.biased(random, 1, 40_000)));
        }
        int weight = random.nextInt(10); // 6 : 1 : 1 : 2
        ByteEdit byteEdit = weight < 6 ? ByteEdit.NONE : weight == 6 ? ByteEdit.TRUNCATE
                : weight == 7 ? ByteEdit.INVALID_UTF8 : ByteEdit.DUPLICATE_KEY;
        return mutate(fixture, edits, byteEdit, random.nextInt(Integer.MAX_VALUE));
    }

    /** A value put in place of a field: every JSON type, edge numbers, Hindi, an empty or a small container. */
    private static JsonNode value(SplittableRandom random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(4)) {
            case 0 -> Draw.of(random, f.nullNode(), f.booleanNode(true), f.objectNode(), f.arrayNode(), f.textNode(""),
                    f.numberNode(0), f.numberNode(-1), f.numberNode(Long.MAX_VALUE), f.numberNode(1e308),
                    f.numberNode(-0.0), f.numberNode(new java.math.BigInteger("99999999999999999999999999")),
                    f.textNode("9223372036854775808"), f.textNode("-62135596801"), f.textNode("1e400"),
                    f.textNode(" \\u0000 "), f.textNode("\u0000"), f.textNode("\ud83d"), f.textNode(HINDI));
            case 1 -> f.numberNode(random.nextInt());
            case 2 -> f.textNode(Draw.chars(random, 40, '\u0000', '\uffff'));
            default -> f.textNode(Draw.chars(random, 40, '\u0900', '\u097f'));
        };
    }

    private static WebhookCase mutate(String fixture, List<Edit> edits, ByteEdit byteEdit, int at) {
        JsonNode tree = read(Webhooks.fixture(fixture));
        List<String> done = new ArrayList<>();
        for (Edit edit : edits) {
            done.add(apply(tree, edit));
        }
        byte[] body = write(tree);
        switch (byteEdit) {
            case TRUNCATE -> {
                body = java.util.Arrays.copyOf(body, at % body.length);
                done.add("truncated to " + body.length + " bytes");
            }
            case INVALID_UTF8 -> {
                byte[][] invalid = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0x80},
                        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
                byte[] bad = invalid[at % invalid.length];
                int quote = indexOf(body, (byte) '"', at % body.length);
                body = insert(body, quote < 0 ? body.length / 2 : quote + 1, bad);
                done.add("invalid UTF-8 inserted");
            }
            case DUPLICATE_KEY -> {
                // Before an object's closing brace, so the duplicate comes last and wins in a last-wins parser.
                String[] keys = {"\"type\":\"sticker\"", "\"id\":12345", "\"from\":null", "\"messages\":{}",
                        "\"statuses\":\"read\"", "\"field\":\"account_update\"", "\"entry\":[]", "\"text\":[]",
                        "\"timestamp\":\"soon\"", "\"body\":{\"body\":1}"};
                int brace = indexOf(body, (byte) '}', at % body.length);
                if (brace > 0 && body[brace - 1] != '{') {
                    String key = keys[at % keys.length];
                    body = insert(body, brace, ("," + key).getBytes(StandardCharsets.US_ASCII));
                    done.add("duplicated " + key);
                }
            }
            case NONE -> { }
        }
        return new WebhookCase(fixture + ": " + String.join(", ", done), body, Webhooks.sign(body), false);
    }

    private static String apply(JsonNode tree, Edit edit) {
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        if (slots.isEmpty()) {
            return "nothing to edit";
        }
        if (edit.kind() == TreeEdit.UNKNOWN_TYPE) {
            List<Slot> types = slots.stream().filter(s -> "type".equals(s.name())).toList();
            if (!types.isEmpty()) {
                Slot slot = types.get(edit.target() % types.size());
                String unknown = "poll_v" + edit.size();
                slot.set(JsonNodeFactory.instance.textNode(unknown));
                return slot.path() + " = \"" + unknown + "\"";
            }
        }
        Slot slot = slots.get(edit.target() % slots.size());
        switch (edit.kind()) {
            case REMOVE -> slot.remove();
            case NULL -> slot.set(JsonNodeFactory.instance.nullNode());
            case NUMBER_FOR_STRING -> slot.set(JsonNodeFactory.instance.numberNode(
                    slot.current().isTextual() ? 919876543210L : edit.size()));
            case HUGE_STRING -> slot.set(JsonNodeFactory.instance.textNode(HINDI.repeat(edit.size() / 4 + 1)));
            case OTHER_TYPE, UNKNOWN_TYPE -> slot.set(edit.value().deepCopy());
        }
        return edit.kind().name().toLowerCase() + " at " + slot.path();
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String name, int index, String path) {

        JsonNode current() {
            return name != null ? parent.get(name) : parent.get(index);
        }

        void set(JsonNode value) {
            if (name != null) {
                ((ObjectNode) parent).set(name, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (name != null) {
                ((ObjectNode) parent).remove(name);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        walk(node, "$", slots::add);
    }

    private static void walk(JsonNode node, String path, Consumer<Slot> into) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                into.accept(new Slot(node, name, -1, path + "." + name));
                walk(node.get(name), path + "." + name, into);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                into.accept(new Slot(node, null, i, path + "[" + i + "]"));
                walk(node.get(i), path + "[" + i + "]", into);
            }
        }
    }

    private static JsonNode read(byte[] json) {
        try {
            return READER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] write(JsonNode tree) {
        try {
            return WHATSAPP_WRITER.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] extra) {
        byte[] result = new byte[bytes.length + extra.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(extra, 0, result, at, extra.length);
        System.arraycopy(bytes, at, result, at + extra.length, bytes.length - at);
        return result;
    }
}
