package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.auth.CrossSiteGuard;
import io.posegate.gateway.ui.UiGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-site and DNS-rebinding defences on the default loopback gateway (generated admin token): a foreign
 * Origin gets no 101 and 403 on PUT, {@code Origin: null} too, a text/plain PUT gets 415, a foreign Host
 * 403, a multipart upload 415 with nothing written; the config's hash is unchanged after each.
 */
class CrossSiteTest {
    static UiGateway gateway;
    static String admin;

    @BeforeAll
    static void start() throws Exception {
        gateway = new UiGateway(UiGateway.demoConfig());
        admin = "Bearer " + gateway.adminToken();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void foreignOriginGetsNo101() throws Exception {
        String before = configHash();
        RawHttp.Head h = RawHttp.handshake(gateway.port(), "/ws", Map.of("Origin", "http://evil.example", "Authorization", admin));
        assertEquals(403, h.status(), h.text());
        RawHttp.Head nul = RawHttp.handshake(gateway.port(), "/ws", Map.of("Origin", "null"));
        assertEquals(403, nul.status(), nul.text());
        RawHttp.Head same = RawHttp.handshake(gateway.port(), "/ws", Map.of("Origin", origin()));
        assertEquals(101, same.status(), same.text());
        assertEquals(before, configHash());
    }

    @Test
    void foreignOriginPutIs403() throws Exception {
        String before = configHash();
        for (String origin : new String[] {"http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1:" + gateway.port()}) {
            RawHttp.Head h = RawHttp.request(gateway.port(), "PUT", "/api/config",
                    Map.of("Origin", origin, "Authorization", admin, "Content-Type", "application/json"), "{\"backend\":\"simulated\"}");
            assertEquals(403, h.status(), origin + ": " + h.text());
        }
        assertEquals(before, configHash());
    }

    @Test
    void textPlainPutIs415() throws Exception {
        String before = configHash();
        RawHttp.Head h = RawHttp.request(gateway.port(), "PUT", "/api/streams/x",
                Map.of("Authorization", admin, "Content-Type", "text/plain"), "{\"source\":\"demo:\"}");
        assertEquals(415, h.status(), h.text());
        RawHttp.Head none = RawHttp.request(gateway.port(), "PUT", "/api/config", Map.of("Authorization", admin), "{\"backend\":\"simulated\"}");
        assertEquals(415, none.status(), none.text());
        assertEquals(before, configHash());
    }

    @Test
    void multipartUploadIsRefusedAndWritesNothing() throws Exception {
        String before = configHash();
        Path uploads = Path.of("file-uploads");
        boolean existed = Files.exists(uploads);
        String body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n\r\n" + "x".repeat(4000) + "\r\n--b--\r\n";
        RawHttp.Head h = RawHttp.request(gateway.port(), "POST", "/api/streams",
                Map.of("Content-Type", "multipart/form-data; boundary=b", "Origin", "http://evil.example"), body);
        assertTrue(h.status() == 403 || h.status() == 415, h.text());
        RawHttp.Head sameOrigin = RawHttp.request(gateway.port(), "POST", "/api/streams",
                Map.of("Content-Type", "multipart/form-data; boundary=b", "Authorization", admin), body);
        assertEquals(415, sameOrigin.status(), sameOrigin.text());
        assertEquals(existed, Files.exists(uploads), "an upload directory appeared");
        assertEquals(before, configHash());
    }

    @Test
    void foreignHostIsRefused() throws Exception {
        String before = configHash();
        RawHttp.Head h = RawHttp.request(gateway.port(), "GET", "/api/streams", Map.of("Host", "evil.example:" + gateway.port()), null);
        assertEquals(403, h.status(), h.text());
        RawHttp.Head put = RawHttp.request(gateway.port(), "PUT", "/api/config", Map.of("Host", "rebind.example",
                "Authorization", admin, "Content-Type", "application/json"), "{\"backend\":\"simulated\"}");
        assertEquals(403, put.status(), put.text());
        assertEquals(200, RawHttp.request(gateway.port(), "GET", "/api/streams", Map.of("Host", "localhost:" + gateway.port()), null).status());
        assertEquals(before, configHash());
    }

    @Test
    void dashboardIsServedWithAStrictContentSecurityPolicy() throws Exception {
        RawHttp.Head h = RawHttp.request(gateway.port(), "GET", "/", Map.of(), null);
        assertEquals(200, h.status());
        assertEquals(CrossSiteGuard.CSP, h.header("Content-Security-Policy"));
        assertTrue(h.header("Content-Security-Policy").contains("script-src 'self';"));
        assertFalse(h.header("Content-Security-Policy").contains("unsafe"));
    }

    @Test
    void sameOriginAdminPutStillWorks() throws Exception {
        RawHttp.Head h = RawHttp.request(gateway.port(), "PUT", "/api/streams/extra",
                Map.of("Origin", origin(), "Authorization", admin, "Content-Type", "application/json; charset=utf-8"), "{\"source\":\"demo:?people=1\"}");
        assertEquals(200, h.status(), h.text());
        RawHttp.Head del = RawHttp.request(gateway.port(), "DELETE", "/api/streams/extra", Map.of("Origin", origin(), "Authorization", admin), null);
        assertEquals(204, del.status(), del.text());
        RawHttp.Head anonymous = RawHttp.request(gateway.port(), "DELETE", "/api/streams/demo", Map.of(), null);
        assertEquals(401, anonymous.status(), "loopback viewers are anonymous, changes need the admin token");
    }

    private static String origin() {
        return "http://127.0.0.1:" + gateway.port();
    }

    /** A digest of what the API says the config is now: the backend and model, and every stream with its source. */
    static String configHash() throws Exception {
        String text = gateway.json("/api/config").encode() + gateway.json("/api/streams").getJsonArray("streams").stream()
                .map(s -> ((io.vertx.core.json.JsonObject) s).getString("id") + "=" + ((io.vertx.core.json.JsonObject) s).getString("source"))
                .sorted().toList();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
