package io.posegate.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Bytes the kernel holds unsent for the server's sockets on one local port, read from Linux's
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6} ({@code tx_queue}, hex). Memory outside the heap
 * that a client which never reads still costs: bounded by {@code net.ipv4.tcp_wmem}'s maximum per socket.
 */
final class SocketQueues {
    /** Total and largest send queue, bytes; both -1 where {@code /proc/net} cannot be read. */
    record Snapshot(long totalBytes, long maxBytes) {
    }

    private SocketQueues() {
    }

    static Snapshot of(int localPort) {
        long total = 0;
        long max = 0;
        boolean read = false;
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length < 5 || !f[1].contains(":") || f[0].equals("sl")) {
                        continue;
                    }
                    int port = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                    if (port == localPort && !f[3].equals("0A")) { // not the listening socket
                        long tx = Long.parseLong(f[4].substring(0, f[4].indexOf(':')), 16);
                        total += tx;
                        max = Math.max(max, tx);
                    }
                }
                read = true;
            } catch (IOException | RuntimeException e) {
                // not Linux, or not readable: reported as unknown
            }
        }
        return read ? new Snapshot(total, max) : new Snapshot(-1, -1);
    }
}
