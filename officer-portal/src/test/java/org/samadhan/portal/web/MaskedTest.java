package org.samadhan.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Officials' WhatsApp numbers in lists: the last four digits, never the rest. */
class MaskedTest {

    @Test
    void anIndianMobileNumberShowsOnlyItsLastFourDigits() {
        assertEquals("••••••3210", Masked.whatsapp("919876543210"));
        assertEquals("••••••0301", Masked.whatsapp("917000020301"));
        assertFalse(Masked.whatsapp("919876543210").contains("98765"));
    }

    @Test
    void everyNumberIsMaskedToTheSameLengthSoItsLengthTellsNothing() {
        assertEquals(Masked.whatsapp("4915123456789").length(), Masked.whatsapp("919876543210").length());
    }

    @Test
    void aShortOrMissingNumberShowsNothingOfItself() {
        assertEquals("••••••", Masked.whatsapp("123456"));
        assertEquals("–", Masked.whatsapp(null));
        assertEquals("–", Masked.whatsapp(" "));
    }
}
