package org.samadhan.chatbot.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The conversation's figures for Prometheus: conversations started, grievances submitted, the filing funnel (each
 * step reached; drop-off is the difference between consecutive steps, abandoned drafts are counted by step), refusals
 * over the limits, replies by language, and timer failures by timer. Labels never carry a citizen's identity.
 */
@ApplicationScoped
public class ChatbotMetrics {

    private final MeterRegistry registry;

    public ChatbotMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void conversationStarted(String language) {
        registry.counter("chatbot.conversations.started", "language", language).increment();
    }

    void stepReached(Step step) {
        registry.counter("chatbot.filing.steps", "step", step.name()).increment();
    }

    void draftAbandoned(Step step) {
        registry.counter("chatbot.filing.abandoned", "step", step.name()).increment();
    }

    void submitted(String language) {
        registry.counter("chatbot.grievances.submitted", "language", language).increment();
    }

    void refusedOverLimit(String period) {
        registry.counter("chatbot.grievances.refused", "limit", period).increment();
    }

    void feedback(boolean satisfied) {
        registry.counter("chatbot.feedback", "satisfied", String.valueOf(satisfied)).increment();
    }

    /** A timer's work failed for one conversation (or a whole job); the others went on. */
    public void timerFailed(String timer) {
        registry.counter("chatbot.timer.failures", "timer", timer).increment();
    }

    public void replied(String language, int count) {
        registry.counter("chatbot.replies", "language", language).increment(count);
    }
}
