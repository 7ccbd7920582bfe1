package org.samadhan.messaging;

import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Describes failures for logs, metrics and dead-letter reasons without data from the records: Kafka's messages name
 * sizes and topics, never values, so they are kept; a database's text is replaced by {@link DatabaseFailures}; any
 * other exception is named by its class and the place it was thrown, since its message may quote what it parsed.
 */
public final class Failures {

    private Failures() {
    }

    /** A one-line description that is safe to log. */
    public static String describe(Throwable failure) {
        Throwable t = unwrap(failure);
        SQLException sql = DatabaseFailures.find(t);
        if (sql != null) {
            return "database: " + DatabaseFailures.summary(sql);
        }
        if (t instanceof KafkaException || t instanceof OutboxRelay.OutboxRelayException) {
            return t.getClass().getSimpleName() + ": " + t.getMessage();
        }
        StackTraceElement[] stack = t.getStackTrace();
        return t.getClass().getName() + (stack.length == 0 ? "" : " at " + stack[0]);
    }

    /** The class of failure, for a metric tag (a short, bounded set of names). */
    public static String kind(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof OutboxRelay.OutboxRelayException && t.getCause() != null
                ? unwrap(t.getCause()).getClass().getSimpleName() : t.getClass().getSimpleName();
    }

    /**
     * Kafka refuses this record for good: it is too large, its topic's name is not valid, or it cannot be written;
     * sending it again cannot succeed. Everything else (brokers away, leaders moving, timeouts) may pass.
     */
    public static boolean refusedForGood(Throwable failure) {
        Throwable t = unwrap(failure);
        return t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                || t instanceof InvalidTopicException || t instanceof InvalidRecordException
                || t instanceof SerializationException;
    }

    static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
