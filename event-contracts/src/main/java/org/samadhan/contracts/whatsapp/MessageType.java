package org.samadhan.contracts.whatsapp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Kinds of citizen message. Anything WhatsApp adds later arrives as {@link #UNKNOWN}, never dropped. */
public enum MessageType {
    TEXT, INTERACTIVE, BUTTON, LOCATION, IMAGE, VIDEO, AUDIO, DOCUMENT, STICKER, CONTACTS, REACTION, ORDER, SYSTEM,
    UNSUPPORTED, REVOKE, EDIT, UNKNOWN;

    /** The name WhatsApp uses, which is also our wire form. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps WhatsApp's {@code type} string; unrecognised or missing types become {@link #UNKNOWN}. */
    @JsonCreator
    public static MessageType fromWire(String type) {
        if (type == null) {
            return UNKNOWN;
        }
        for (MessageType value : values()) {
            if (value.wireName().equals(type)) {
                return value;
            }
        }
        return UNKNOWN;
    }

    /** True for the types whose content is a media object (image, video, audio, document, sticker). */
    public boolean isMedia() {
        return this == IMAGE || this == VIDEO || this == AUDIO || this == DOCUMENT || this == STICKER;
    }
}
