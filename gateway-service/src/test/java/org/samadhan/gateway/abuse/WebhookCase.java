package org.samadhan.gateway.abuse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.samadhan.gateway.Webhooks;

/** One request of the fuzz run: a body, its X-Hub-Signature-256 (null: none), and how it was made. */
public record WebhookCase(String label, byte[] body, String signature, boolean chunked) {

    /** The label and the start of the body, for a failure message (bodies can be a mebibyte). */
    public String describe() {
        String start = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        return label + " (" + body.length + " bytes, " + (signature == null ? "unsigned" : "signed")
                + (chunked ? ", chunked" : "") + "): " + start + (body.length > 300 ? "…" : "");
    }

    /** This case without bytes {@code from} to {@code to} (excluded), signed as this one is: right, wrong or not. */
    public WebhookCase without(int from, int to) {
        byte[] smaller = new byte[body.length - (to - from)];
        System.arraycopy(body, 0, smaller, 0, from);
        System.arraycopy(body, to, smaller, from, body.length - to);
        HostileBodies.Signing signing = signature == null ? HostileBodies.Signing.UNSIGNED
                : signature.equals(Webhooks.sign(body)) ? HostileBodies.Signing.SIGNED : HostileBodies.Signing.WRONG;
        return new WebhookCase(label, smaller, HostileBodies.sign(smaller, signing), chunked);
    }
}
