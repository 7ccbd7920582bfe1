package org.samadhan.routing.directory;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.messaging.Transactions;
import org.samadhan.routing.classifier.ClassifierTraining;
import org.samadhan.routing.classifier.Dataset;
import org.samadhan.routing.config.RoutingConfig;
import org.samadhan.text.LabelledText;
import org.samadhan.text.TextClassifier;

/**
 * What routing knows right now: the directory as stored, and the classifier trained on the project's training split,
 * the directory's vocabulary and the officers' corrections. Rebuilt whenever the directory is edited or a correction
 * arrives (here or, within {@code routing.directory-refresh}, through another instance), so changes take effect
 * without a restart. Readers take one immutable snapshot and need no locks. Every start publishes the stored version
 * on {@code routing.directory.v1}, and every edit the new one, so the other services always have the latest.
 */
@Startup
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class);

    /** One consistent view: directory, its version, and the classifier built with its vocabulary. */
    public record Snapshot(int version, long fingerprint, DistrictDirectory data, TextClassifier classifier,
                           int corrections) {
    }

    private final AgroalDataSource dataSource;
    private final RoutingConfig config;
    private final List<LabelledText> training = Dataset.training();
    private volatile Snapshot current;

    public Directory(AgroalDataSource dataSource, RoutingConfig config) throws SQLException {
        this.dataSource = dataSource;
        this.config = config;
        Transactions.inTransaction(dataSource, c -> {
            DirectoryStore.seedIfEmpty(c, DirectorySeed.seed());
            DirectoryStore.publish(c, DirectoryStore.load(c).orElseThrow(), "routing-service start", Instant.now());
            return null;
        });
        reload();
    }

    public Snapshot current() {
        return current;
    }

    /** Rebuilds the snapshot from the database. */
    public synchronized void reload() throws SQLException {
        current = build(Transactions.inTransaction(dataSource, this::load));
        LOG.infof("Directory version %d loaded; classifier trained with %d corrections", current.version(),
                current.corrections());
    }

    /** Replaces one department's entry, if the directory is still at {@code expectedVersion}. */
    public boolean replace(DistrictDirectory.Department department, int expectedVersion, String by)
            throws SQLException {
        return edit(expectedVersion, by, before -> {
            List<DistrictDirectory.Department> departments = new ArrayList<>(before.departments());
            departments.replaceAll(d -> d.code().equals(department.code()) ? department : d);
            return new DistrictDirectory(before.district(), before.blocks(), before.autoRouteThreshold(),
                    before.escalatedServiceLevel(), departments, before.officials());
        });
    }

    /** Adds or replaces one official, if the directory is still at {@code expectedVersion}. */
    public boolean replaceOfficial(DistrictDirectory.Official official, int expectedVersion, String by)
            throws SQLException {
        return edit(expectedVersion, by, before -> {
            List<DistrictDirectory.Official> officials = new ArrayList<>(before.officials());
            officials.removeIf(o -> o.id().equals(official.id()));
            officials.add(official);
            return new DistrictDirectory(before.district(), before.blocks(), before.autoRouteThreshold(),
                    before.escalatedServiceLevel(), before.departments(), officials);
        });
    }

    private boolean edit(int expectedVersion, String by, UnaryOperator<DistrictDirectory> change)
            throws SQLException {
        Optional<DirectoryStore.Stored> edited = Transactions.inTransaction(dataSource,
                c -> DirectoryStore.edit(c, expectedVersion, change, by, Instant.now()));
        if (edited.isPresent()) {
            reload();
        }
        return edited.isPresent();
    }

    @Scheduled(every = "${routing.directory-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadIfChanged() {
        try {
            long fingerprint = Transactions.inTransaction(dataSource, DirectoryStore::fingerprint);
            if (fingerprint != current.fingerprint()) {
                reload();
            }
        } catch (SQLException e) {
            LOG.warnf("Could not check the directory for changes: %s", e.getMessage());
        }
    }

    /** What one snapshot is built from, read in one transaction. */
    private record Loaded(DirectoryStore.Stored stored, long fingerprint, List<LabelledText> corrections) {
    }

    private Loaded load(Connection c) throws SQLException {
        return new Loaded(DirectoryStore.load(c).orElseThrow(), DirectoryStore.fingerprint(c),
                config.learnFromCorrections() ? DirectoryStore.corrections(c) : List.of());
    }

    /** Trains outside the transaction (a few seconds), so no database connection is held meanwhile. */
    private Snapshot build(Loaded loaded) {
        List<LabelledText> examples = new ArrayList<>(training);
        examples.addAll(DirectorySeed.vocabulary(loaded.stored().data()));
        examples.addAll(loaded.corrections());
        return new Snapshot(loaded.stored().version(), loaded.fingerprint(), loaded.stored().data(),
                ClassifierTraining.train(examples), loaded.corrections().size());
    }
}
