package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.posegate.gateway.testing.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian mosquitto on a free loopback port with a generated config and its own persistence folder,
 * started and stopped by the test. Tests skip when mosquitto is not installed ({@code .ci/install-packages.sh}).
 */
final class Mosquitto implements AutoCloseable, FleetBroker {
    static final Path BIN = Path.of("/usr/sbin/mosquitto");
    final int port;
    final Path dir;
    private final String extraConfig;
    private Process process;

    private Mosquitto(Path dir, String extraConfig) throws IOException {
        this.dir = dir;
        this.port = freePort();
        this.extraConfig = extraConfig;
    }

    /** Starts mosquitto allowing anonymous clients; {@code extraConfig} lines are appended (ACLs, passwords). */
    static Mosquitto start(Path dir, String extraConfig) throws Exception {
        assumeTrue(Files.isExecutable(BIN), "skipped: " + BIN + " not found; run .ci/install-packages.sh (Debian mosquitto)");
        Mosquitto m = new Mosquitto(dir, extraConfig);
        m.launch();
        return m;
    }

    /**
     * A free loopback port for a process that binds it later (a broker, a box). Taken below the kernel's
     * ephemeral range (32768 and up on Linux): a port the kernel handed out for a moment could be given, before
     * the process binds it, to an outgoing connection of another box ("Address already in use" in CI).
     */
    static int freePort() throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20000, 32000);
            try (ServerSocket s = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException inUse) {
                // try another
            }
        }
        throw new IOException("no free loopback port in 20000-31999 after 200 tries");
    }

    @Override
    public String url() {
        return "mqtt://127.0.0.1:" + port;
    }

    private void launch() throws Exception {
        Files.createDirectories(dir);
        String conf = "listener " + port + " 127.0.0.1\n"
                + (extraConfig.contains("allow_anonymous") ? "" : "allow_anonymous true\n")
                + "persistence true\npersistence_location " + dir + "/\n"
                + "log_dest file " + dir.resolve("mosquitto.log") + "\nlog_type all\n"
                + ("root".equals(System.getProperty("user.name")) ? "user root\n" : "")
                + extraConfig;
        Path file = dir.resolve("mosquitto.conf");
        Files.writeString(file, conf);
        process = new ProcessBuilder(BIN.toString(), "-c", file.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile())).start();
        Await.until(this::accepting, Await.PATIENCE, () -> "mosquitto listening on " + port);
    }

    private boolean accepting() {
        if (!process.isAlive()) {
            throw new AssertionError("mosquitto exited with " + process.exitValue() + "; see " + dir);
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops (SIGTERM: mosquitto saves its persistence) and starts again on the same port and folder. */
    @Override
    public void restart() throws Exception {
        stop();
        launch();
    }

    @Override
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
