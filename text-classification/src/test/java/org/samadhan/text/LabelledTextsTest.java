package org.samadhan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledTextsTest {

    @Test
    void readsLabelStyleAndTextSkippingCommentsAndBlankLines() {
        List<LabelledText> texts = LabelledTexts.parse("""
                # department	style	text
                PHE	hi	हैंडपंप 10 दिन से खराब है

                ELECTRICITY	hing	3 din se light nahi hai, transformer jal gaya	(tab kept in the text)
                """, "inline");
        assertEquals(List.of(new LabelledText("PHE", "hi", "हैंडपंप 10 दिन से खराब है"),
                new LabelledText("ELECTRICITY", "hing", "3 din se light nahi hai, transformer jal gaya\t(tab kept in the text)")),
                texts);
    }

    @Test
    void aMalformedLineIsAnErrorNamingTheSourceAndLine() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> LabelledTexts.parse("# header\nPHE\thi\tok\nPHE handpump broken\n", "train.tsv"));
        assertTrue(error.getMessage().startsWith("train.tsv line 3: expected label<TAB>style<TAB>text"),
                error.getMessage());
    }

    @Test
    void aMissingResourceIsNamed() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> LabelledTexts.resource(LabelledTextsTest.class, "/no/such.tsv"));
        assertEquals("No resource /no/such.tsv", error.getMessage());
    }
}
