package org.samadhan.sandbox.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.Map;

/** Settings of the WhatsApp stand-in (application.properties explains each group). */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /** The business phone number id the send endpoint answers for. */
    String phoneNumberId();

    String displayPhoneNumber();

    /** WhatsApp Business Account id: the webhook envelope's {@code entry[].id}. */
    String businessAccountId();

    /** Where webhooks go (the gateway's webhook endpoint). */
    String webhookUrl();

    /** Signs webhooks, as Meta signs them with the app secret. */
    String appSecret();

    /** The bearer token a send must carry. */
    String accessToken();

    /** Messages per second per business number before 130429. */
    int throughputPerSecond();

    /** Messages to one citizen allowed at once before the pair rate applies. */
    int pairBurst();

    /** After the burst, one message per this interval per citizen before 131056. */
    Duration pairInterval();

    /** Approved templates: name, then language code, to the number of body parameters. */
    Map<String, Map<String, Integer>> templates();

    /** Delay between a send and its first status webhook. */
    Duration statusDelay();

    /** Statuses falling due within this time of each other share a webhook. */
    Duration statusGather();

    /** The most statuses in one webhook. */
    int statusesPerWebhook();

    /** Share of messages whose {@code delivered} is never reported (read in the chat screen). */
    double skipDeliveredRate();

    /** Share of messages whose {@code read} arrives before {@code delivered}. */
    double outOfOrderRate();

    /** Seed of the quirks above, so runs are repeatable. */
    long randomSeed();
}
