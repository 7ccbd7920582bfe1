package org.samadhan.notification;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The two limits WhatsApp enforces, kept on our side so we queue instead of being refused.
 *
 * <p>Throughput: WhatsApp counts sends when they arrive, which is somewhere between our start and its answer. A new
 * send may start only while fewer than {@code perSecond} sends are in flight or were answered within the last second.
 * Then any one-second window of arrivals holds at most {@code perSecond} sends, whatever the network delays (a send
 * answered over a second before another starts also arrived over a second before it); a limiter counting only start
 * times would let delayed sends bunch up at WhatsApp's end. The cost is that slow answers lower the achieved rate, so
 * starts are also spaced evenly (one per 1/{@code perSecond} s): a burst of {@code perSecond} sends at once would
 * queue at WhatsApp's end, slow every answer, and hold every slot longer. The spacing allows a short catch-up (a tenth
 * of a second's sends) so that one slow answer or late wake-up delays one start, not every start after it.
 *
 * <p>Per citizen: a burst, then one per interval (WhatsApp allows 45 in 6 s, then about one per 6 s).
 */
public class SendingLimits {

    private static final long SECOND = Duration.ofMillis(1_002).toNanos(); // 2 ms for clock granularity

    /** What {@link #acquire} decided: granted, or wait for the business number, or wait for this citizen. */
    public record Decision(boolean granted, long waitNanos, boolean citizenLimited) {
    }

    private final int perSecond;
    private final int pairBurst;
    private final long pairInterval;
    private final long spacing;
    private final long catchUp;
    private final Deque<Long> answered = new ArrayDeque<>();
    private long due = Long.MIN_VALUE; // when the next start is due on the even grid (a virtual scheduling time)
    private final Map<String, double[]> pairs = new HashMap<>(); // citizen -> {tokens, updated at}
    private int inFlight;

    public SendingLimits(int perSecond, int pairBurst, Duration pairInterval) {
        this.perSecond = perSecond;
        this.pairBurst = pairBurst;
        this.pairInterval = pairInterval.toNanos();
        this.spacing = Duration.ofSeconds(1).toNanos() / perSecond;
        this.catchUp = (Math.max(1, perSecond / 10) - 1) * spacing;
    }

    /** Starts a send to this citizen at {@code now} (nanoTime), or says how long to wait and for which limit. */
    public synchronized Decision acquire(String citizen, long now) {
        while (!answered.isEmpty() && now - answered.peekFirst() >= SECOND) {
            answered.pollFirst();
        }
        double[] pair = pairs.computeIfAbsent(citizen, c -> new double[] {pairBurst, now});
        double tokens = Math.min(pairBurst, pair[0] + (now - pair[1]) / (double) pairInterval);
        if (tokens < 1) {
            return new Decision(false, (long) ((1 - tokens) * pairInterval), true);
        }
        if (due != Long.MIN_VALUE && now < due - catchUp) {
            return new Decision(false, due - catchUp - now, false);
        }
        if (inFlight + answered.size() >= perSecond) {
            long wait = answered.isEmpty() ? 1_000_000 : SECOND - (now - answered.peekFirst());
            return new Decision(false, Math.max(wait, 100_000), false);
        }
        pair[0] = tokens - 1;
        pair[1] = now;
        inFlight++;
        due = (due == Long.MIN_VALUE ? now : Math.max(due, now)) + spacing; // an idle spell earns no more than catchUp
        if (pairs.size() > 100_000) {
            pairs.values().removeIf(p -> now - (long) p[1] > pairInterval * pairBurst); // full again: forget
        }
        return new Decision(true, 0, false);
    }

    /** The send started by a granted {@link #acquire} was answered (or failed) at {@code now}. */
    public synchronized void answered(long now) {
        inFlight--;
        answered.addLast(now);
    }
}
