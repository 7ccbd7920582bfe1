package org.samadhan.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * WhatsApp message ids as WhatsApp makes them, so that privacy tests can fail: {@code wamid.} followed by base64 of a
 * small binary record that holds the phone number as ASCII digits (decode
 * {@code wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDMDEzNTQ1MkZBQ0M5RkYyOEEA} to see {@code 16503879439} in it).
 */
public final class WhatsAppIds {

    private WhatsAppIds() {
    }

    /** A fresh message id carrying {@code phone} (digits, no '+'), like one WhatsApp sends in a webhook. */
    public static String messageId(String phone) {
        byte[] digits = phone.getBytes(StandardCharsets.US_ASCII);
        byte[] random = new byte[10];
        ThreadLocalRandom.current().nextBytes(random);
        byte[] tail = HexFormat.of().withUpperCase().formatHex(random).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {0x1c, 0x18, (byte) digits.length});
        record.writeBytes(digits);
        record.writeBytes(new byte[] {0x15, 0x02, 0x00, 0x12, 0x18, (byte) tail.length});
        record.writeBytes(tail);
        record.write(0);
        return "wamid." + Base64.getEncoder().encodeToString(record.toByteArray());
    }

    /**
     * The forms in which {@code phone} can leak: the digits, with '+', and base64 (standard and URL-safe) of the
     * digits and of the start of a message id at each of the three alignments, so that a leaked id is found even
     * inside a longer encoded value.
     */
    public static List<String> leakForms(String phone) {
        List<String> forms = new ArrayList<>(List.of(phone, "+" + phone));
        byte[] prefix = ("\u001c\u0018" + (char) phone.length() + phone).getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] bytes : List.of(phone.getBytes(StandardCharsets.US_ASCII), prefix)) {
            for (int shift = 0; shift < 3; shift++) {
                byte[] shifted = new byte[bytes.length + shift];
                System.arraycopy(bytes, 0, shifted, shift, bytes.length);
                String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
                // Characters touched by the padding bytes or the unknown neighbours are dropped.
                int skip = shift == 0 ? 0 : (shift == 1 ? 2 : 3);
                String stable = encoded.substring(skip, encoded.length() - 2);
                forms.add(stable);
                forms.add(stable.replace('+', '-').replace('/', '_'));
            }
        }
        return forms.stream().distinct().toList();
    }

    /** The first form of {@code phone} found in {@code text}, or null when none is. */
    public static String leakIn(String text, String phone) {
        return text == null ? null : leakForms(phone).stream().filter(text::contains).findFirst().orElse(null);
    }
}
