package io.posegate.gateway.http;

import io.posegate.gateway.testing.CapturedLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.auth.AuthHandler;
import io.posegate.gateway.auth.LoginCodeRoute;
import io.posegate.gateway.auth.LoginCodes;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/login-codes} on a gateway with configured tokens (ops: admin, wall: viewer; no anonymous access):
 * an admin's bearer token, sent without an Origin as the CLI sends it, gets a new code whose login URL path opens the
 * dashboard and which logs in once, as that admin, within {@link LoginCodes#LIFETIME}; a browser logged in as admin
 * (cookie) may ask from the gateway's own origin. A viewer gets 403, no token 401, a foreign or {@code null} Origin
 * 403 and a non-JSON body 415, none of them with a code. No log record carries a code.
 */
class LoginCodeRouteTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();
    static UiGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new UiGateway(UiGateway.demoConfig().put("auth", SecuredGateway.auth("none")));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    /** POSTs {@code body} as {@code type}; a token goes as a bearer, a value starting "cookie:" as the login cookie. */
    private static HttpResponse<String> post(String path, String credentials, String origin, String type, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.url(path))).timeout(Duration.ofSeconds(60))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null && credentials.startsWith("cookie:")) {
            b.header("Cookie", AuthHandler.COOKIE + "=" + credentials.substring(7));
        } else if (credentials != null) {
            b.header("Authorization", "Bearer " + credentials);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> askCode(String credentials, String origin) throws Exception {
        return post(LoginCodeRoute.PATH, credentials, origin, "application/json", "{}");
    }

    private static HttpResponse<String> loginWith(String code) throws Exception {
        return post("/api/login", null, null, "application/json", new JsonObject().put("code", code).encode());
    }

    private static String self() {
        return "http://127.0.0.1:" + gateway.port();
    }

    @Test
    void anAdminTokenGetsACodeThatLogsInOnceAsThatAdmin() throws Exception {
        CapturedLog log = CapturedLog.root();
        try {
            Instant before = Instant.now();
            HttpResponse<String> r = askCode(SecuredGateway.ADMIN.token(), null);
            Instant after = Instant.now();
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null));
            JsonObject answer = new JsonObject(r.body());
            String code = answer.getString("code");
            assertTrue(code.matches("[A-Za-z0-9_-]{22}"), code);
            assertEquals("/?login=" + code, answer.getString("path"));
            Instant expires = Instant.parse(answer.getString("expiresAt"));
            assertFalse(expires.isBefore(before.plus(LoginCodes.LIFETIME).minusSeconds(1)), "expires " + expires);
            assertFalse(expires.isAfter(after.plus(LoginCodes.LIFETIME).plusSeconds(1)), "expires " + expires);

            HttpResponse<String> login = loginWith(code);
            assertEquals(200, login.statusCode(), login.body());
            assertEquals(new JsonObject().put("name", "ops").put("role", "admin"), new JsonObject(login.body()));
            String cookie = login.headers().firstValue("set-cookie").orElseThrow();
            assertTrue(cookie.startsWith(AuthHandler.COOKIE + "=" + SecuredGateway.ADMIN.token() + ";"), "the code stands for the caller's token");
            assertEquals(401, loginWith(code).statusCode(), "a code logs in once");
            List<String> logged = log.messages();
            assertTrue(logged.stream().noneMatch(line -> line.contains(code)), "a log record carries the code: " + logged);
        } finally {
            log.close();
        }
    }

    @Test
    void eachAskGetsANewCodeAndABrowserAdminMayAskFromItsOwnOrigin() throws Exception {
        String first = new JsonObject(askCode(SecuredGateway.ADMIN.token(), null).body()).getString("code");
        HttpResponse<String> browser = askCode("cookie:" + SecuredGateway.ADMIN.token(), self());
        assertEquals(200, browser.statusCode(), browser.body());
        String second = new JsonObject(browser.body()).getString("code");
        assertNotEquals(first, second);
        assertEquals(200, loginWith(second).statusCode());
        assertEquals(200, loginWith(first).statusCode(), "a new code leaves the earlier one valid");
    }

    @Test
    void aViewerOrNoTokenGetsNoCode() throws Exception {
        HttpResponse<String> viewer = askCode(SecuredGateway.VIEWER.token(), null);
        assertEquals(403, viewer.statusCode(), viewer.body());
        assertNull(new JsonObject(viewer.body()).getValue("code"));
        HttpResponse<String> none = askCode(null, null);
        assertEquals(401, none.statusCode(), none.body());
        assertNull(new JsonObject(none.body()).getValue("code"));
        HttpResponse<String> viewerCookie = askCode("cookie:" + SecuredGateway.VIEWER.token(), self());
        assertEquals(403, viewerCookie.statusCode(), viewerCookie.body());
    }

    @Test
    void aForeignOriginOrANonJsonBodyIsRefusedAsEveryStateChangeIs() throws Exception {
        for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:1")) {
            for (String credentials : List.of(SecuredGateway.ADMIN.token(), "cookie:" + SecuredGateway.ADMIN.token())) {
                HttpResponse<String> r = askCode(credentials, origin);
                assertEquals(403, r.statusCode(), origin + ": " + r.body());
                assertNull(new JsonObject(r.body()).getValue("code"), r.body());
            }
        }
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
            HttpResponse<String> r = post(LoginCodeRoute.PATH, SecuredGateway.ADMIN.token(), null, type, "{}");
            assertEquals(415, r.statusCode(), type + ": " + r.body());
            assertNull(new JsonObject(r.body()).getValue("code"), r.body());
        }
    }
}
