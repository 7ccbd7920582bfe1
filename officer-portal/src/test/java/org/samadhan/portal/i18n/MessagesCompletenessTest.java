package org.samadhan.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.qute.i18n.Message;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every string the pages show exists in Hindi too, and the Hindi file names no string the pages do not have. */
class MessagesCompletenessTest {

    @Test
    void everyEnglishStringHasItsHindiAndNothingMore() throws IOException {
        Set<String> english = new TreeSet<>();
        for (Method m : Messages.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Message.class)) {
                english.add(m.getName());
            }
        }
        Properties hindi = new Properties();
        try (var in = new InputStreamReader(
                getClass().getResourceAsStream("/messages/msg_hi.properties"), StandardCharsets.UTF_8)) {
            hindi.load(in);
        }
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(hindi.stringPropertyNames());
        Set<String> extra = new TreeSet<>(hindi.stringPropertyNames());
        extra.removeAll(english);
        assertEquals(Set.of(), missing, "strings without Hindi");
        assertEquals(Set.of(), extra, "Hindi strings the pages do not have");
    }

    @Test
    void hindiStringsAreWrittenInDevanagari() throws IOException {
        Properties hindi = new Properties();
        try (var in = new InputStreamReader(
                getClass().getResourceAsStream("/messages/msg_hi.properties"), StandardCharsets.UTF_8)) {
            hindi.load(in);
        }
        List<String> latinOnly = new ArrayList<>();
        for (String key : hindi.stringPropertyNames()) {
            String value = hindi.getProperty(key).replaceAll("\\{[^}]*}", "");
            boolean devanagari = value.codePoints().anyMatch(c -> c >= 0x0900 && c <= 0x097F);
            // "L{level}"-like values without words may stay as they are; any word must be Hindi.
            if (!devanagari && value.codePoints().anyMatch(Character::isLetter)) {
                latinOnly.add(key);
            }
        }
        assertEquals(List.of(), latinOnly);
    }
}
