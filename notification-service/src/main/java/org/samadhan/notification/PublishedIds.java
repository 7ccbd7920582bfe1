package org.samadhan.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.samadhan.contracts.Hmac;
import org.samadhan.notification.config.NotificationConfig;

/**
 * The form of an outbound id that may leave the service (notification.deliveries.v1, dead-letter reasons, logs):
 * {@code out-} and 32 hex digits of HMAC-SHA256 over the id, keyed with {@code CITIZEN_REF_KEY}.
 *
 * <p>Outbound ids are made from their cause, and a reply's cause is the citizen's WhatsApp message id, which carries
 * their phone number ({@code reply:wamid.HBgM...:1}). Keyed, so that nobody without the key can link a published id
 * back to a WhatsApp id, and so to a number, by hashing ids or numbers seen elsewhere. The citizen-reference key is
 * reused because it is already the secret that keeps citizens pseudonymous, deployed wherever this service runs and
 * checked at start-up ({@code StartupChecks}); the {@code outbound-id:} label keeps the two uses apart, so an
 * outbound id and a citizen id never hash alike. The same id always gives the same published id, so every state of
 * one message shares its key.
 */
@ApplicationScoped
public class PublishedIds {

    private static final byte[] LABEL = "outbound-id:".getBytes(StandardCharsets.UTF_8);

    private final String key;

    public PublishedIds(NotificationConfig config) {
        this.key = config.citizenRefKey();
    }

    public String of(String outboundId) {
        byte[] id = outboundId.getBytes(StandardCharsets.UTF_8);
        byte[] labelled = new byte[LABEL.length + id.length];
        System.arraycopy(LABEL, 0, labelled, 0, LABEL.length);
        System.arraycopy(id, 0, labelled, LABEL.length, id.length);
        return "out-" + HexFormat.of().formatHex(Hmac.sha256(key, labelled), 0, 16);
    }
}
