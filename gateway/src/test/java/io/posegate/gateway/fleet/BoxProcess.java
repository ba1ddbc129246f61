package io.posegate.gateway.fleet;

import io.posegate.gateway.e2e.GatewayHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A whole gateway in its own JVM ({@code posegate run} from the test class path) joined to a fleet, so a
 * test can SIGKILL, SIGSTOP or restart it like a real box. Its config is written to {@code dir/box.yaml};
 * its output goes to {@code dir/box.log}.
 */
final class BoxProcess implements AutoCloseable {
    final String id;
    final Path dir;
    final int httpPort;
    private final String yaml;
    private Process process;

    private BoxProcess(String id, Path dir, int httpPort, String yaml) {
        this.id = id;
        this.dir = dir;
        this.httpPort = httpPort;
        this.yaml = yaml;
    }

    /**
     * A box on the demo scene and the simulated backend unless {@code body} says otherwise.
     *
     * @param body YAML lines for model, backend and streams (null: the demo)
     */
    static BoxProcess start(Path root, String id, String broker, List<String> groups, String body) throws IOException {
        return start(root, id, broker, groups, body, 2);
    }

    /** As {@link #start(Path, String, String, List, String)} with the given {@code fleet.willDelaySeconds}. */
    static BoxProcess start(Path root, String id, String broker, List<String> groups, String body, int willDelaySeconds)
            throws IOException {
        Path dir = root.resolve(id);
        Files.createDirectories(dir);
        int port = Mosquitto.freePort();
        String config = "http: {port: " + port + "}\n"
                + "modelsDir: " + GatewayHarness.CONFIG_DIR.resolve("models") + "\n"
                + (body != null ? body : "model: demo-simulated\nbackend: simulated\nstreams:\n  main: {source: \"demo:?people=2&fps=5\"}\n")
                + "fleet:\n  broker: " + broker + "\n  boxId: " + id + "\n  groups: [" + String.join(", ", groups) + "]\n"
                + "  stateDir: " + root.resolve("state") + "\n  keepAliveSeconds: 4\n  willDelaySeconds: " + willDelaySeconds + "\n"
                + "  soakSeconds: 2\n  metricsSeconds: 1\n";
        BoxProcess b = new BoxProcess(id, dir, port, config);
        b.launch();
        return b;
    }

    void launch() throws IOException {
        Path cfg = dir.resolve("box.yaml");
        Files.writeString(cfg, yaml);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.posegate.gateway.cli.Main", "run", "--config", cfg.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("box.log").toFile()))
                .start();
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no goodbye, the broker publishes the Last Will. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Sends a signal by name (STOP, CONT) with the system's kill command. */
    void signal(String name) throws Exception {
        Process k = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (k.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    String log() {
        try {
            String s = Files.readString(dir.resolve("box.log"));
            return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            signalQuietly("CONT");
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private void signalQuietly(String name) {
        try {
            signal(name);
        } catch (Exception e) {
            // already gone
        }
    }
}
