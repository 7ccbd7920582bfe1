package org.samadhan.gateway.abuse;

import java.nio.charset.StandardCharsets;

/** One request of the fuzz run: a body, its X-Hub-Signature-256 (null: none), and how it was made. */
public record WebhookCase(String label, byte[] body, String signature, boolean chunked) {

    /** The label and the start of the body, for a failure message (bodies can be a mebibyte). */
    public String describe() {
        String start = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return label + " (" + body.length + " bytes, " + (signature == null ? "unsigned" : "signed")
                + (chunked ? ", chunked" : "") + "): " + start + (body.length > 300 ? "…" : "");
    }
}
