package io.posegate.gateway.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The log records one logger (and the loggers below it) publishes while this is open: a test asserts on what was
 * logged, and {@link #close} takes the capture off again. Thread-safe: records come from any thread.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (isLoggable(r)) {
                records.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(Logger logger) {
        this.logger = logger;
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** Captures what {@code logger} (and its children) publish at any level its own level lets through. */
    public static CapturedLog of(Logger logger) {
        return new CapturedLog(logger);
    }

    /** Captures what the root logger publishes: every logger that passes records on to its parents. */
    public static CapturedLog root() {
        return of(Logger.getLogger(""));
    }

    /** The records so far, in order. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Each record's message with its parameters filled in. */
    public List<String> messages() {
        SimpleFormatter f = new SimpleFormatter();
        return records.stream().map(f::formatMessage).toList();
    }

    /** Each record as a log file shows it (time, logger, level, message, and the exception with its stack). */
    public List<String> lines() {
        SimpleFormatter f = new SimpleFormatter();
        return records.stream().map(f::format).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
