package org.samadhan.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/** What this module logs while a test runs (JBoss LogManager is the JVM's log manager in tests), as text lines. */
final class CapturedLogs extends Handler implements AutoCloseable {

    private static final String CATEGORY = "org.samadhan.messaging";
    private final List<String> lines = new ArrayList<>();

    private CapturedLogs() {
    }

    static CapturedLogs start() {
        CapturedLogs logs = new CapturedLogs();
        Logger.getLogger(CATEGORY).addHandler(logs);
        return logs;
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        String text = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        lines.add(record.getLevel() + " " + record.getLoggerName() + ": " + text
                + (record.getThrown() == null ? "" : " / " + record.getThrown()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger(CATEGORY).removeHandler(this);
    }
}
