package org.samadhan.notification.whatsapp;

import java.util.regex.Pattern;

/**
 * The two forms of a citizen's WhatsApp id: a phone number ({@code wa_id}, sent as {@code to}) or, since 2026, a
 * business-scoped user id ({@code CC.<up to 128 letters and digits>}, sent as {@code recipient}).
 */
public final class Recipients {

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\d{8,15}");
    private static final Pattern USER_ID = Pattern.compile("[A-Z]{2}\\.[A-Za-z0-9.]{1,128}");

    private Recipients() {
    }

    public static boolean isPhoneNumber(String id) {
        return id != null && PHONE_NUMBER.matcher(id).matches();
    }

    public static boolean isUserId(String id) {
        return id != null && USER_ID.matcher(id).matches();
    }

    public static boolean isValid(String id) {
        return isPhoneNumber(id) || isUserId(id);
    }
}
