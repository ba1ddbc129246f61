package io.posegate.gateway.security;

import java.text.MessageFormat;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Puts every log record through {@link Redaction#text} before a handler formats it: the message (with
 * its parameters filled in) and the messages of the attached exception and its causes. Installed on
 * the root logger's handlers by {@link #install()}, so a log line anywhere in the process cannot carry a
 * camera password or token, whoever wrote it. Keeps any filter the handler already had.
 */
public final class RedactingLogFilter implements Filter {
    private final Filter next;

    private RedactingLogFilter(Filter next) {
        this.next = next;
    }

    /** Installs the filter on every handler of the root logger (idempotent). */
    public static synchronized void install() {
        for (Handler h : Logger.getLogger("").getHandlers()) {
            if (!(h.getFilter() instanceof RedactingLogFilter)) {
                h.setFilter(new RedactingLogFilter(h.getFilter()));
            }
        }
    }

    @Override
    public boolean isLoggable(LogRecord r) {
        if (next != null && !next.isLoggable(r)) {
            return false;
        }
        redact(r);
        return true;
    }

    /** Redacts the record in place. */
    static void redact(LogRecord r) {
        String msg = r.getMessage();
        Object[] params = r.getParameters();
        if (msg != null && params != null && params.length > 0 && msg.contains("{")) {
            try {
                msg = MessageFormat.format(msg, params);
            } catch (IllegalArgumentException e) {
                // not a pattern: keep the raw text
            }
        }
        r.setMessage(Redaction.text(msg));
        r.setParameters(null);
        if (r.getThrown() != null) {
            r.setThrown(RedactedThrowable.of(r.getThrown(), 0));
        }
    }

    /** A copy of a throwable whose message (and its causes') is redacted; type name and stack kept. */
    static final class RedactedThrowable extends Exception {
        private static final long serialVersionUID = 1L;

        private RedactedThrowable(String message, Throwable cause, StackTraceElement[] stack) {
            super(message, cause);
            setStackTrace(stack);
        }

        static Throwable of(Throwable t, int depth) {
            if (t == null || depth > 8) {
                return null;
            }
            String text = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + Redaction.text(t.getMessage()));
            return new RedactedThrowable(text, of(t.getCause(), depth + 1), t.getStackTrace());
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
