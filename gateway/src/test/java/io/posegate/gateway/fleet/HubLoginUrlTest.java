package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.cli.LoginAdvice;
import io.posegate.gateway.cli.Main;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code posegate login-url} works for the hub as for a gateway: with the hub's token kept as {@code posegate hub}
 * keeps it ({@code ~/.posegate/run-token-PORT}), {@code login-url --port PORT} prints a login URL of the hub page
 * ({@code /hub/?login=CODE}) whose code logs in once as the hub's admin; the hub's start advice names that command.
 */
class HubLoginUrlTest {
    private static final Pattern HUB_LOGIN_URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/hub/\\?login=([A-Za-z0-9_-]{22})\\n");

    @TempDir
    Path tmp;

    @Test
    void loginUrlPrintsAHubPageUrlWhoseCodeLogsInOnce() throws Exception {
        try (Mosquitto broker = Mosquitto.start(tmp.resolve("broker"), "");
             HubHarness hub = new HubHarness(broker.url())) {
            Path home = tmp.resolve("home");
            String advice = LoginAdvice.hub(LoginAdvice.hubPage("127.0.0.1", hub.port()), hub.tokens().loginCodes().issue(hub.adminToken()),
                    hub.adminToken(), home.resolve(".posegate").resolve("run-token-" + hub.port()));
            assertTrue(advice.contains("'posegate login-url --port " + hub.port() + "' prints a new one"), advice);

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            String oldHome = System.getProperty("user.home");
            System.setProperty("user.home", home.toString());
            int exit;
            try {
                exit = cli.execute("login-url", "--port", String.valueOf(hub.port()));
            } finally {
                System.setProperty("user.home", oldHome);
            }
            assertEquals(0, exit, err.toString());
            Matcher m = HUB_LOGIN_URL.matcher(out.toString());
            assertTrue(m.matches(), "the hub page's login URL alone: " + out);
            assertEquals(String.valueOf(hub.port()), m.group(1));

            JsonObject code = new JsonObject().put("code", m.group(2));
            JsonObject first = hub.send("POST", "/api/login", code, null);
            assertEquals(200, first.getInteger("status"), first.encode());
            assertEquals(new JsonObject().put("name", "hub-test").put("role", "admin"), first.getJsonObject("body"));
            assertEquals(401, hub.send("POST", "/api/login", code, null).getInteger("status"), "the code works once");
        }
    }
}
