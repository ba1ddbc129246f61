package io.posegate.gateway.ingest.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The byte-level parts of an {@link EgressProxy} connection: piping origin to client on a daemon thread
 * named {@code posegate-egress-pipe}, copying client to origin on the caller's thread, and the proxy's own
 * empty replies (403, 407, 502).
 */
final class ProxyPipes {
    private ProxyPipes() {
    }

    /** Copies origin to client on its own thread; when either ends (or the origin times out) both close. */
    static void pipe(InputStream from, OutputStream to, Socket client, Socket origin) {
        Thread t = new Thread(() -> {
            try {
                copy(from, to);
            } catch (IOException e) {
                // either side closed, or the origin went silent past the network timeout
            } finally {
                closeQuietly(client);
                closeQuietly(origin);
            }
        }, "posegate-egress-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    static void copy(InputStream from, OutputStream to) throws IOException {
        byte[] buf = new byte[16 * 1024];
        for (int n; (n = from.read(buf)) > 0; ) {
            to.write(buf, 0, n);
            to.flush();
        }
    }

    static void reply(OutputStream out, String status, String extra) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + extra + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
