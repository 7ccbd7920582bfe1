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
    private final Map<String, Bucket> pairBuckets = new HashMap<>();

    /** A citizen's pair-rate tokens, as of a time in nanoseconds (a long: a double would round epoch nanoseconds). */
    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }

    public RateLimits(SandboxConfig config) {
        this.perSecond = config.throughputPerSecond();
        this.pairBurst = config.pairBurst();
        this.pairIntervalNanos = config.pairInterval().toNanos();
    }

    /** Takes one send for this citizen now (nanoseconds, e.g. since the epoch), or answers the limit it would exceed. */
    public synchronized Optional<GraphError> take(String citizen, long nowNanos) {
        while (!lastSecond.isEmpty() && nowNanos - lastSecond.peekFirst() >= SECOND) {
            lastSecond.pollFirst();
        }
        if (lastSecond.size() >= perSecond) {
            return Optional.of(new GraphError(400, 130429, "Rate limit hit", "Message failed to send because there "
                    + "were too many messages sent from this phone number in a short period of time"));
        }
        Bucket bucket = pairBuckets.computeIfAbsent(citizen, c -> new Bucket(pairBurst, nowNanos));
        double refilled = (nowNanos - bucket.updatedAt) / (double) pairIntervalNanos;
        bucket.tokens = Math.min(pairBurst, bucket.tokens + refilled);
        bucket.updatedAt = nowNanos;
        if (bucket.tokens < 1) {
            return Optional.of(new GraphError(400, 131056, "(Business Account, Consumer Account) pair rate limit hit",
                    "Message failed to send because there were too many messages sent from this phone number to "
                            + "the same phone number in a short period of time"));
        }
        bucket.tokens -= 1;
        lastSecond.addLast(nowNanos);
        return Optional.empty();
    }

    public synchronized void reset() {
        lastSecond.clear();
        pairBuckets.clear();
    }
}
