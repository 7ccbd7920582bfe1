package org.samadhan.notification;

import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.messaging.Transactions;
import org.samadhan.notification.persistence.OutboundStore;

/**
 * Records WhatsApp's acceptances in batches, one transaction for all the answers that arrived meanwhile, so that
 * recording keeps pace with sending instead of costing a commit per message on the HTTP client's threads. While the
 * database is away they wait here and are retried; meanwhile {@link #pending()} tells {@link UnconfirmedSends} not
 * to take their SENDING rows for lost ones, which would send them again. Acceptances that cannot be recorded (a
 * crash, a shutdown while the database is still away) leave their messages SENDING, as a crash before a single
 * commit would: their {@code sent} statuses, which WhatsApp reports for every accepted message, settle them.
 */
final class AcceptedSends implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AcceptedSends.class);
    private static final int BATCH = 500;

    /** A send WhatsApp accepted, with its message id. */
    record Accepted(String outboundId, String wamid, boolean asTemplate, Instant at)
            implements OutboundStore.AcceptedSend {
    }

    private final AgroalDataSource dataSource;
    private final BlockingQueue<Accepted> queue = new LinkedBlockingQueue<>();
    /** Outbound ids accepted and not recorded yet: queued, or in the batch being recorded. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean running = true;

    AcceptedSends(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = new Thread(this::loop, "whatsapp-accepted-sends");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void add(Accepted accepted) {
        pending.add(accepted.outboundId()); // before it is queued, so that it is never in neither
        queue.add(accepted);
    }

    /** The outbound ids accepted by WhatsApp whose acceptance is not recorded yet. */
    Set<String> pending() {
        return Set.copyOf(pending);
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            try {
                Accepted first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Accepted> batch = new ArrayList<>(List.of(first));
                queue.drainTo(batch, BATCH - 1);
                recordUntilDone(batch);
                batch.forEach(accepted -> pending.remove(accepted.outboundId()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void recordUntilDone(List<Accepted> batch) throws InterruptedException {
        while (true) {
            try {
                Transactions.inTransaction(dataSource, c -> {
                    OutboundStore.acceptedAll(c, batch);
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (TransactionalBatch.isTransient(e)) {
                    LOG.warnf("Could not record %d accepted sends, retrying: %s", batch.size(), e.getMessage());
                    Thread.sleep(1_000);
                } else if (batch.size() == 1) {
                    // Not retried, so as not to hold up the rest; the SQL state only, as the message can carry ids.
                    LOG.errorf("The database refused an accepted send (SQL state %s); its statuses will record it",
                            e.getSQLState());
                    return;
                } else { // find the one at fault, record the others
                    for (Accepted accepted : batch) {
                        recordUntilDone(List.of(accepted));
                    }
                    return;
                }
            }
        }
    }

    /** Records what is queued, then stops; what the database does not take in time is left to the statuses. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!pending.isEmpty()) {
            LOG.warnf("%d accepted sends were not recorded before stopping; their statuses will record them",
                    pending.size());
        }
    }
}
