package org.samadhan.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Failures injected over REST, each at a rate: an error answer (a WhatsApp code with its HTTP status, e.g. 130429,
 * 131000, 131016, 500), or a delay before answering (timeouts). Undeliverable numbers are kept in {@link Conversations}.
 */
@ApplicationScoped
public class Faults {

    /** One injected failure: {@code code} with {@code httpStatus}, or a {@code delayMillis} pause, at {@code rate}. */
    public record Fault(Integer code, Integer httpStatus, Long delayMillis, double rate) {
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Random random = new Random(7);

    public void add(Fault fault) {
        faults.add(fault);
    }

    public List<Fault> all() {
        return List.copyOf(faults);
    }

    public void clear() {
        faults.clear();
    }

    /** How long to stall this send (0 for none). */
    public long delayMillis() {
        long delay = 0;
        for (Fault fault : faults) {
            if (fault.delayMillis() != null && chance(fault.rate())) {
                delay = Math.max(delay, fault.delayMillis());
            }
        }
        return delay;
    }

    /** The injected error for this send, if one strikes. */
    public Optional<GraphError> error() {
        for (Fault fault : faults) {
            if ((fault.code() != null || fault.httpStatus() != null) && chance(fault.rate())) {
                int status = fault.httpStatus() == null ? 400 : fault.httpStatus();
                int code = fault.code() == null ? 131000 : fault.code();
                return Optional.of(new GraphError(status, code, "Injected failure",
                        "The sandbox was asked to fail " + fault.rate() * 100 + "% of sends with " + code));
            }
        }
        return Optional.empty();
    }

    private synchronized boolean chance(double rate) {
        return random.nextDouble() < rate;
    }
}
