package org.samadhan.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the WhatsApp webhook. Secrets come only from the environment. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The Meta app secret that signs every webhook POST (env {@code WHATSAPP_APP_SECRET}). */
    String appSecret();

    /** The token typed into the App Dashboard for the subscription handshake (env {@code WHATSAPP_VERIFY_TOKEN}). */
    String verifyToken();

    /** Tenant of messages whose business phone number id is not listed in {@link #districts()}. */
    @WithDefault("BLD")
    String defaultDistrict();

    /** District code per business phone number id: each district has its own WhatsApp number. */
    Map<String, String> districts();

    /**
     * How long one webhook POST may wait for Kafka to acknowledge its events before answering 503, so that WhatsApp
     * redelivers it. Kept under 5 s: WhatsApp and BSPs time out webhooks after a few seconds.
     */
    @WithDefault("4s")
    Duration publishTimeout();

    /**
     * Deepest nesting of arrays and objects a webhook body may have; deeper bodies are answered 400 as soon as the
     * parser reaches the level past it. WhatsApp's own payloads nest about 10 levels.
     */
    @WithDefault("64")
    int maxJsonDepth();

    /** Source attribute of the CloudEvents this service emits. */
    @WithDefault("/samadhan/gateway-service")
    String eventSource();
}
