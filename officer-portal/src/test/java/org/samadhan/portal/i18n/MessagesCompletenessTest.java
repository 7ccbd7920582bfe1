package org.samadhan.portal.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every string the pages show exists in Hindi too, written in Devanagari, and no Hindi file names a string the
 * pages do not have: for each message bundle (the portal's, the review's, the collector's pages').
 */
class MessagesCompletenessTest {

    @ParameterizedTest
    @ValueSource(classes = {Messages.class, ReviewMessages.class, AdminMessages.class})
    void everyEnglishStringHasItsHindiAndNothingMore(Class<?> bundle) throws IOException {
        Set<String> english = new TreeSet<>();
        for (Method m : bundle.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Message.class)) {
                english.add(m.getName());
            }
        }
        Properties hindi = hindi(bundle);
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(hindi.stringPropertyNames());
        Set<String> extra = new TreeSet<>(hindi.stringPropertyNames());
        extra.removeAll(english);
        assertEquals(Set.of(), missing, "strings without Hindi");
        assertEquals(Set.of(), extra, "Hindi strings the pages do not have");
    }

    @ParameterizedTest
    @ValueSource(classes = {Messages.class, ReviewMessages.class, AdminMessages.class})
    void hindiStringsAreWrittenInDevanagari(Class<?> bundle) throws IOException {
        Properties hindi = hindi(bundle);
        List<String> latinOnly = new ArrayList<>();
        for (String key : hindi.stringPropertyNames()) {
            String value = hindi.getProperty(key).replaceAll("\\{[^}]*}", "");
            boolean devanagari = value.codePoints().anyMatch(c -> c >= 0x0900 && c <= 0x097F);
            // Values without words ("L{level}") may stay as they are; any word must be Hindi.
            if (!devanagari && value.codePoints().anyMatch(Character::isLetter)) {
                latinOnly.add(key);
            }
        }
        assertEquals(List.of(), latinOnly);
    }

    /** The bundle's Hindi file: {@code messages/<bundle name>_hi.properties}. */
    private static Properties hindi(Class<?> bundle) throws IOException {
        String name = bundle.getAnnotation(MessageBundle.class).value();
        Properties hindi = new Properties();
        try (var in = new InputStreamReader(MessagesCompletenessTest.class.getResourceAsStream(
                "/messages/" + name + "_hi.properties"), StandardCharsets.UTF_8)) {
            hindi.load(in);
        }
        return hindi;
    }
}
