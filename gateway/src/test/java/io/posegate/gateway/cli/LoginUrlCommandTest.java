package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.auth.Tokens;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code posegate login-url} end to end: {@code posegate run} in its own JVM (its home a temporary folder, so its
 * token file {@code ~/.posegate/run-token-PORT} lands there) prints its login URL, and {@code login-url --port PORT},
 * run with the same home, prints a new one whose code logs in once as the run's admin, leaving the first code valid.
 * A missing token file, one without a token, a token the gateway refuses, a port nothing listens on, port 0 and a
 * {@code --host} that is not this machine each get an error naming the problem, a non-zero exit and nothing on stdout.
 */
class LoginUrlCommandTest {
    private static final Pattern LOGIN_URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/\\?login=([A-Za-z0-9_-]{22})\\n");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    @TempDir
    static Path tmp;
    static Path home;
    static Process run;
    static Path runLog;
    static int port;
    static String startCode;

    @BeforeAll
    static void startRun() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        Path config = Files.writeString(tmp.resolve("gateway.yaml"), "http: {port: 0}\n"
                + "modelsDir: " + UiGateway.CONFIG_DIR.resolve("models") + "\n"
                + "model: demo-simulated\nbackend: simulated\nstreams:\n  main: {source: \"demo:?people=1&fps=5\"}\n");
        runLog = tmp.resolve("run.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString())
                .redirectErrorStream(true).redirectOutput(runLog.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            Matcher m = LOGIN_URL.matcher(Files.readString(runLog));
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
                startCode = m.group(2);
                return;
            }
            if (!run.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("posegate run printed no login URL: " + Files.readString(runLog));
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stopRun() throws Exception {
        if (run != null) {
            run.destroy();
            if (!run.waitFor(30, TimeUnit.SECONDS)) {
                run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code posegate login-url ARGS} in this JVM, with {@code user.home} set to {@code userHome} meanwhile. */
    private static CliRunner.Result loginUrl(Path userHome, String... args) {
        String old = System.getProperty("user.home");
        System.setProperty("user.home", userHome.toString());
        try {
            return CliRunner.run(Stream.concat(Stream.of("login-url"), Stream.of(args)).toArray(String[]::new));
        } finally {
            System.setProperty("user.home", old);
        }
    }

    private static HttpResponse<String> logIn(String code) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("code", code).encode()))
                .build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void printsANewLoginUrlWhoseCodeLogsInOnceAsTheRunsAdmin() throws Exception {
        assertTrue(Files.readString(runLog).contains("'posegate login-url --port " + port + "' prints a new one"),
                "run's advice names the command: " + Files.readString(runLog));
        CliRunner.Result r = loginUrl(home, "--port", String.valueOf(port));
        assertEquals(0, r.code(), r.err());
        Matcher m = LOGIN_URL.matcher(r.out());
        assertTrue(m.matches(), "stdout is the login URL alone: " + r.out());
        assertEquals(String.valueOf(port), m.group(1));
        String code = m.group(2);
        assertNotEquals(startCode, code);
        assertTrue(r.err().contains("works once, within 10 minutes: until "), r.err());

        HttpResponse<String> first = logIn(code);
        assertEquals(200, first.statusCode(), first.body());
        assertEquals(new JsonObject().put("name", "run").put("role", "admin"), new JsonObject(first.body()));
        assertEquals(401, logIn(code).statusCode(), "the code works once");
        assertEquals(200, logIn(startCode).statusCode(), "the code run printed is still valid");
    }

    @Test
    void aMissingTokenFileIsNamedWithWhatToCheck() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty-home"));
        CliRunner.Result r = loginUrl(empty, "--port", String.valueOf(port));
        assertEquals(1, r.code());
        assertEquals("", r.out());
        Path file = empty.resolve(".posegate").resolve("run-token-" + port);
        assertTrue(r.err().startsWith("error: no token file " + file + ": is a gateway running on port " + port
                + " started by this user?"), r.err());
    }

    @Test
    void aTokenFileWithoutATokenOrWithOneTheGatewayRefusesIsNamed() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other-home"));
        Path file = RunTokenFile.write(other.resolve(".posegate").resolve("run-token-" + port), "not a token");
        CliRunner.Result garbled = loginUrl(other, "--port", String.valueOf(port));
        assertEquals(1, garbled.code());
        assertTrue(garbled.err().contains("cannot read the token file " + file + " (it holds no PoseGate token"), garbled.err());

        RunTokenFile.write(file, Tokens.newToken().token());
        CliRunner.Result refused = loginUrl(other, "--port", String.valueOf(port));
        assertEquals(1, refused.code());
        assertEquals("", refused.out());
        assertTrue(refused.err().contains("http://127.0.0.1:" + port + " refused the token in " + file + " (invalid or revoked token)"),
                refused.err());
    }

    @Test
    void aPortNothingListensOnIsNamed() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        RunTokenFile.write(home.resolve(".posegate").resolve("run-token-" + free), Tokens.newToken().token());
        CliRunner.Result r = loginUrl(home, "--port", String.valueOf(free));
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: no answer from http://127.0.0.1:" + free + " (connection refused)"), r.err());
        assertTrue(r.err().contains("is a gateway running on port " + free + "?"), r.err());
    }

    @Test
    void theCommandRunAndHubNameAsksTheirBindAddressOnlyWhen127001WouldNotReachIt() {
        assertEquals("posegate login-url --port 8080", LoginUrlCommand.commandFor("127.0.0.1", 8080));
        assertEquals("posegate login-url --port 8080", LoginUrlCommand.commandFor("0.0.0.0", 8080));
        assertEquals("posegate login-url --port 8090", LoginUrlCommand.commandFor("::", 8090));
        assertEquals("posegate login-url --port 8080 --host 192.168.1.5", LoginUrlCommand.commandFor("192.168.1.5", 8080));
        assertEquals("posegate login-url --port 8080 --host ::1", LoginUrlCommand.commandFor("[::1]", 8080));
    }

    @Test
    void aHostOfAnotherMachineOrNoPortGetsNoToken() throws IOException {
        CliRunner.Result r = loginUrl(home, "--port", String.valueOf(port), "--host", "192.0.2.1");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("--host 192.0.2.1 is not an address of this machine"), r.err());
        CliRunner.Result zero = loginUrl(home, "--port", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--port 0 is not a port a gateway listens on"), zero.err());
    }
}
