package org.samadhan.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.samadhan.sandbox.config.SandboxConfig;

/**
 * WhatsApp's two send limits: messages per second per business number (130429 beyond) and the business-citizen pair
 * rate, a burst then one per interval (131056 beyond). A refused send does not count.
 */
@ApplicationScoped
public class RateLimits {

    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private final int pairBurst;
    private final long pairIntervalNanos;
    private final Deque<Long> lastSecond = new ArrayDeque<>();
    private final Map<String, double[]> pairBuckets = new HashMap<>(); // citizen -> {tokens, updated at (nanos)}

    public RateLimits(SandboxConfig config) {
        this.perSecond = config.throughputPerSecond();
        this.pairBurst = config.pairBurst();
        this.pairIntervalNanos = config.pairInterval().toNanos();
    }

    /** Takes one send for this citizen now, or answers the limit it would exceed. */
    public synchronized Optional<GraphError> take(String citizen, long nowNanos) {
        while (!lastSecond.isEmpty() && nowNanos - lastSecond.peekFirst() >= SECOND) {
            lastSecond.pollFirst();
        }
        if (lastSecond.size() >= perSecond) {
            return Optional.of(new GraphError(400, 130429, "Rate limit hit", "Message failed to send because there "
                    + "were too many messages sent from this phone number in a short period of time"));
        }
        double[] bucket = pairBuckets.computeIfAbsent(citizen, c -> new double[] {pairBurst, nowNanos});
        bucket[0] = Math.min(pairBurst, bucket[0] + (nowNanos - bucket[1]) / (double) pairIntervalNanos);
        bucket[1] = nowNanos;
        if (bucket[0] < 1) {
            return Optional.of(new GraphError(400, 131056, "(Business Account, Consumer Account) pair rate limit hit",
                    "Message failed to send because there were too many messages sent from this phone number to "
                            + "the same phone number in a short period of time"));
        }
        bucket[0] -= 1;
        lastSecond.addLast(nowNanos);
        return Optional.empty();
    }

    public synchronized void reset() {
        lastSecond.clear();
        pairBuckets.clear();
    }
}
