package org.samadhan.notification;

import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.samadhan.messaging.Transactions;
import org.samadhan.notification.persistence.OutboundStore;

/**
 * Records WhatsApp's acceptances in batches, one transaction for all the answers that arrived meanwhile, so that
 * recording keeps pace with sending instead of costing a commit per message on the HTTP client's threads. A crash
 * before a batch commits leaves its messages SENDING, exactly as a crash before a single commit would: their statuses
 * or {@link UnconfirmedSends} settle them.
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
    private final Thread thread;
    private volatile boolean running = true;

    AcceptedSends(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.thread = new Thread(this::loop, "whatsapp-accepted-sends");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void add(Accepted accepted) {
        queue.add(accepted);
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
                LOG.warnf("Could not record %d accepted sends, retrying: %s", batch.size(), e.getMessage());
                Thread.sleep(1_000);
            }
        }
    }

    /** Records what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
