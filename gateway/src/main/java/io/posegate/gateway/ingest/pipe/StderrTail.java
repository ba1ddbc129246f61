package io.posegate.gateway.ingest.pipe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Drains a child process's stderr on a daemon thread (so the child never blocks on a full pipe) and
 * keeps the last non-blank line for error messages.
 */
final class StderrTail {
    private volatile String last = "";
    private Thread thread;

    static StderrTail start(Process process, String threadName) {
        StderrTail tail = new StderrTail();
        Thread t = new Thread(() -> tail.drain(process), threadName);
        t.setDaemon(true);
        tail.thread = t;
        t.start();
        return tail;
    }

    private void drain(Process process) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    last = line.length() > 300 ? line.substring(0, 300) : line;
                }
            }
        } catch (IOException e) {
            // the process was closed; nothing left to drain
        }
    }

    /** The last line, after waiting up to a second for the child's stderr to close. */
    String last() {
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return last;
    }
}
