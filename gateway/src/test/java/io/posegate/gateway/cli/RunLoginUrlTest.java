package io.posegate.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.auth.AuthHandler;
import io.posegate.gateway.config.GatewayConfig;
import io.posegate.gateway.testing.GatewayClient;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The login URL {@code posegate run} prints carries a single-use login code, not the admin token: POST /api/login
 * with that code sets the same cookie as the token would, once; the second use is refused with 401. The token itself is
 * printed only when its owner-only file cannot be written; once it is saved, the advice names {@code posegate login-url}
 * for a new login URL.
 */
class RunLoginUrlTest {
    private static final Pattern LOGIN_URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/\\?login=([A-Za-z0-9_-]{22})\\n");
    static UiGateway gw;
    static GatewayClient anonymous;

    @BeforeAll
    static void start() throws Exception {
        gw = new UiGateway(UiGateway.demoConfig());
        anonymous = new GatewayClient(gw.vertx(), gw.port(), null);
    }

    @AfterAll
    static void stop() throws Exception {
        gw.close();
    }

    private String printedCode() {
        GatewayConfig cfg = gw.verticle().gateway().config();
        String advice = RunCommand.loginAdvice(Path.of("gateway.yaml"), cfg, gw.port(), gw.verticle().newLoginCode(), gw.adminToken(),
                Path.of("FILE"), null);
        assertFalse(advice.contains(gw.adminToken()), advice);
        assertFalse(advice.contains("token="), advice);
        Matcher m = LOGIN_URL.matcher(advice);
        assertTrue(m.find(), advice);
        assertEquals(String.valueOf(gw.port()), m.group(1));
        return m.group(2);
    }

    /** The token file written: the advice names it and its login URL, never the token, which the file holds (owner-only). */
    @Test
    void aSavedTokenIsNamedByItsFileNotPrinted(@TempDir Path tmp) throws Exception {
        GatewayConfig cfg = gw.verticle().gateway().config();
        Path file = tmp.resolve(".posegate").resolve("run-token-" + gw.port());
        String out = RunCommand.announcement(Path.of("gateway.yaml"), cfg, gw.port(), "C0de", gw.adminToken(), file);
        assertFalse(out.contains(gw.adminToken()), out);
        assertTrue(out.contains("kept in " + file + " (owner-only)"), out);
        assertTrue(out.contains("paste the token from " + file + " into the login form"), out);
        assertTrue(out.contains("after that, 'posegate login-url --port " + gw.port() + "' prints a new one, or open "), out);
        assertTrue(out.contains("http://127.0.0.1:" + gw.port() + "/?login=C0de\n"), out);
        assertEquals(gw.adminToken() + "\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /**
     * The token file cannot be written (here its folder is a file): the token is printed, as the only admin login once
     * the code is used, with the advice to type it into the login form; the code's URL is still printed, and no file is named.
     */
    @Test
    void anUnsavedTokenIsPrintedBesideTheCodesUrl(@TempDir Path tmp) throws Exception {
        GatewayConfig cfg = gw.verticle().gateway().config();
        Path notAFolder = Files.writeString(tmp.resolve("home-file"), "");
        Path file = notAFolder.resolve("run-token-" + gw.port());
        String out = RunCommand.announcement(Path.of("gateway.yaml"), cfg, gw.port(), "C0de", gw.adminToken(), file);
        assertTrue(out.contains("not saved (not a folder: " + notAFolder + ")"), out);
        assertTrue(out.contains("\n    " + gw.adminToken() + "\n"), "the token on a line of its own: " + out);
        assertTrue(out.contains("open http://127.0.0.1:" + gw.port() + "/ and paste it into the login form, never into a URL"), out);
        assertTrue(out.contains("http://127.0.0.1:" + gw.port() + "/?login=C0de\n"), out);
        assertFalse(out.contains("token="), out);
        assertFalse(out.contains("paste the token from"), "no file to paste from: " + out);
        assertFalse(out.contains("login-url"), "no file for login-url to read: " + out);
        assertFalse(Files.exists(file));
    }

    private HttpResponse<byte[]> login(JsonObject body) throws Exception {
        return anonymous.http("POST", "/api/login", body.encode());
    }

    @Test
    void thePrintedCodeLogsInOnceWithTheAdminTokensCookie() throws Exception {
        String code = printedCode();
        HttpResponse<byte[]> first = login(new JsonObject().put("code", code));
        assertEquals(200, first.statusCode(), new String(first.body(), StandardCharsets.UTF_8));
        assertEquals(new JsonObject().put("name", "run").put("role", "admin"), new JsonObject(new String(first.body(), StandardCharsets.UTF_8)));
        String cookie = first.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith(AuthHandler.COOKIE + "=" + gw.adminToken() + ";"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly") && cookie.contains("SameSite=Strict"), cookie);

        HttpResponse<byte[]> second = login(new JsonObject().put("code", code));
        assertEquals(401, second.statusCode());
        String error = new JsonObject(new String(second.body(), StandardCharsets.UTF_8)).getString("error");
        assertTrue(error.startsWith("login code already used, expired or unknown"), error);
        assertTrue(second.headers().firstValue("set-cookie").isEmpty(), "no cookie for a used code");
    }

    @Test
    void theTokenStillLogsInAndABodyWithBothOrNeitherIsABadRequest() throws Exception {
        assertEquals(200, login(new JsonObject().put("token", gw.adminToken())).statusCode());
        HttpResponse<byte[]> both = login(new JsonObject().put("token", gw.adminToken()).put("code", printedCode()));
        assertEquals(400, both.statusCode());
        String error = new JsonObject(new String(both.body(), StandardCharsets.UTF_8)).getString("error");
        assertTrue(error.contains("{\"code\": \"…\"}"), error);
        assertEquals(400, login(new JsonObject().put("code", 42)).statusCode());
    }
}
