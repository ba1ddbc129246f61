package io.posegate.gateway.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A real MJPEG-over-HTTP camera on 127.0.0.1 (JDK HttpServer): {@code GET /stream} answers
 * {@code multipart/x-mixed-replace} and sends the given JPEGs in turn, {@code fps} a second, until the
 * client goes away or {@code maxFrames} were sent.
 */
final class MjpegHttpServer implements AutoCloseable {
    private static final String BOUNDARY = "posegateframe";
    private final HttpServer server;
    private final List<byte[]> jpegs;
    private final int fps;
    private final int maxFrames;

    MjpegHttpServer(List<byte[]> jpegs, int fps, int maxFrames) throws IOException {
        this.jpegs = List.copyOf(jpegs);
        this.fps = fps;
        this.maxFrames = maxFrames;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stream", this::serve);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "mjpeg-test-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/stream";
    }

    private void serve(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace;boundary=" + BOUNDARY);
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            for (int i = 0; i < maxFrames; i++) {
                byte[] jpeg = jpegs.get(i % jpegs.size());
                String head = "--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(jpeg);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(1000 / fps);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
