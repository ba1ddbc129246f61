package io.posegate.gateway.ingest.net;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on one loopback address that serves one body and records every request it gets;
 * {@code /missing...} answers 404 and {@code ?to=URL} answers a redirect to URL.
 */
public final class LoopbackHttp implements AutoCloseable {
    final HttpServer server;
    /** "PATH Host: VALUE" for every request. */
    public final List<String> requests = new CopyOnWriteArrayList<>();

    public LoopbackHttp(String address, byte[] body, String type) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
        server.createContext("/", ex -> {
            requests.add(ex.getRequestURI() + " Host: " + ex.getRequestHeaders().getFirst("Host"));
            String q = ex.getRequestURI().getQuery();
            if (q != null && q.startsWith("to=")) {
                ex.getResponseHeaders().set("Location", q.substring(3));
                ex.sendResponseHeaders(302, -1);
                ex.close();
                return;
            }
            if (ex.getRequestURI().getPath().startsWith("/missing")) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            send(ex, body, type);
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String base() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + port();
    }

    private static void send(HttpExchange ex, byte[] body, String type) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
