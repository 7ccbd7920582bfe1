package org.samadhan.contracts.whatsapp;

/** An error WhatsApp attached to a message or a status, as WhatsApp reported it (branch on {@code code} only). */
public record ProviderError(Integer code, String title, String message, String details, String href) {
}
