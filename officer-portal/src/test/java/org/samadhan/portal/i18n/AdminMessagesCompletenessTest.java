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

/** The collector's pages' strings exist in Hindi too, written in Devanagari, and Hindi has none the pages lack. */
class AdminMessagesCompletenessTest {

    @Test
    void everyEnglishStringHasItsHindiAndNothingMore() throws IOException {
        Set<String> english = new TreeSet<>();
        for (Method m : AdminMessages.class.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Message.class)) {
                english.add(m.getName());
            }
        }
        Properties hindi = hindi();
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(hindi.stringPropertyNames());
        Set<String> extra = new TreeSet<>(hindi.stringPropertyNames());
        extra.removeAll(english);
        assertEquals(Set.of(), missing, "strings without Hindi");
        assertEquals(Set.of(), extra, "Hindi strings the pages do not have");
    }

    @Test
    void hindiStringsAreWrittenInDevanagari() throws IOException {
        Properties hindi = hindi();
        List<String> latinOnly = new ArrayList<>();
        for (String key : hindi.stringPropertyNames()) {
            String value = hindi.getProperty(key).replaceAll("\\{[^}]*}", "");
            boolean devanagari = value.codePoints().anyMatch(c -> c >= 0x0900 && c <= 0x097F);
            if (!devanagari && value.codePoints().anyMatch(Character::isLetter)) {
                latinOnly.add(key);
            }
        }
        assertEquals(List.of(), latinOnly);
    }

    private Properties hindi() throws IOException {
        Properties hindi = new Properties();
        try (var in = new InputStreamReader(
                getClass().getResourceAsStream("/messages/admin_hi.properties"), StandardCharsets.UTF_8)) {
            hindi.load(in);
        }
        return hindi;
    }
}
