package io.posegate.gateway.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real RTSP camera: GStreamer's RTSP server from Debian's packages, driven by
 * {@code src/test/resources/ingest/rtsp_server.py} with /usr/bin/python3, on 127.0.0.1.
 */
final class RtspTestServer implements AutoCloseable {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private final int port;
    private Process process;

    RtspTestServer(int port) {
        this.port = port;
    }

    /** Null when the server can run here, else why not (for a JUnit assumption). */
    static String unavailableReason() {
        if (!Files.isExecutable(PYTHON)) {
            return "/usr/bin/python3 is missing (.ci/install-packages.sh installs the RTSP test server's packages)";
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), script().toString(), "--probe").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "GStreamer RTSP server not usable (.ci/install-packages.sh installs it): " + out;
            }
            return null;
        } catch (IOException | InterruptedException e) {
            return "cannot run the RTSP test server: " + e;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Path script() {
        try {
            return Path.of(RtspTestServer.class.getResource("/ingest/rtsp_server.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String url() {
        return "rtsp://127.0.0.1:" + port + "/cam";
    }

    /** Starts the server and waits (up to two minutes) until it listens. */
    void start() throws IOException {
        process = new ProcessBuilder(PYTHON.toString(), script().toString(), Integer.toString(port))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.getInputStream().close();
                }
            } catch (InterruptedException | IOException e) {
                // the server said READY in time
            }
        });
        watchdog.setDaemon(true);
        watchdog.start();
        String line = out.readLine();
        watchdog.interrupt();
        if (!"READY".equals(line)) {
            process.destroyForcibly();
            throw new IOException("RTSP test server on port " + port + " did not start: " + line);
        }
    }

    /** Kills the server abruptly, as a camera losing power would go. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
