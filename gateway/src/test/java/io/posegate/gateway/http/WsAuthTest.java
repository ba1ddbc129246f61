package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ui.UiGateway;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Credentials on {@code /ws} of a gateway that lets no one in anonymously: the bearer header, the
 * login cookie, or a first message {@code {"type":"auth","token":…}} within 10 s; and the login itself.
 */
class WsAuthTest {
    static UiGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = new UiGateway(UiGateway.demoConfig().put("auth", SecuredGateway.auth("none")));
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void bearerHeaderOpensTheSocketAndHelloArrives() throws Exception {
        try (Socket s = upgraded(Map.of("Authorization", "Bearer " + SecuredGateway.VIEWER.token()))) {
            assertTrue(readText(s.getInputStream()).contains("\"type\":\"hello\""));
        }
    }

    @Test
    void firstMessageAuthOpensTheSocket() throws Exception {
        try (Socket s = upgraded(Map.of())) {
            WsFrames.write(s.getOutputStream(), 1, ("{\"type\":\"auth\",\"token\":\"" + SecuredGateway.VIEWER.token() + "\"}")
                    .getBytes(StandardCharsets.UTF_8), false);
            assertTrue(readText(s.getInputStream()).contains("\"type\":\"hello\""));
        }
    }

    @Test
    void badFirstMessageTokenIsClosedWith1008() throws Exception {
        try (Socket s = upgraded(Map.of())) {
            WsFrames.write(s.getOutputStream(), 1, "{\"type\":\"auth\",\"token\":\"pgt_000000000000_nope\"}".getBytes(StandardCharsets.UTF_8), false);
            WsFrames.Frame close = WsFrames.readUntilClose(s.getInputStream());
            assertNotNull(close);
            assertEquals(1008, close.closeCode());
        }
    }

    @Test
    void silentSocketIsClosedWith1008AfterTheAuthWindow() throws Exception {
        try (Socket s = upgraded(Map.of())) {
            WsFrames.Frame close = WsFrames.readUntilClose(s.getInputStream());
            assertNotNull(close, "closed without a close frame");
            assertEquals(1008, close.closeCode());
            assertTrue(new String(close.payload(), StandardCharsets.UTF_8).contains("10 s"));
        }
    }

    @Test
    void loginSetsAStrictHttpOnlyCookieThatOpensTheSocket() throws Exception {
        RawHttp.Head login = RawHttp.request(gateway.port(), "POST", "/api/login", Map.of("Content-Type", "application/json",
                "Origin", "http://127.0.0.1:" + gateway.port()), "{\"token\":\"" + SecuredGateway.ADMIN.token() + "\"}");
        assertEquals(200, login.status(), login.text());
        String cookie = login.header("Set-Cookie");
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("; httponly") && cookie.contains("SameSite=Strict"), cookie);
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertEquals(200, RawHttp.request(gateway.port(), "GET", "/api/streams", Map.of("Cookie", pair), null).status());
        assertEquals(401, RawHttp.request(gateway.port(), "GET", "/api/streams", Map.of(), null).status());
        try (Socket s = upgraded(Map.of("Cookie", pair))) {
            assertTrue(readText(s.getInputStream()).contains("\"type\":\"hello\""));
        }
    }

    @Test
    void failedLoginsAreRateLimitedPerAddress() throws Exception {
        try (UiGateway own = new UiGateway(UiGateway.demoConfig().put("auth", SecuredGateway.auth("none")))) {
            Map<String, String> json = Map.of("Content-Type", "application/json", "Origin", "http://127.0.0.1:" + own.port());
            int status = 0;
            int tries = 0;
            while (status != 429 && tries < 20) {
                status = RawHttp.request(own.port(), "POST", "/api/login", json, "{\"token\":\"pgt_" + SecuredGateway.ADMIN.id() + "_"
                        + "B".repeat(43) + "\"}").status();
                tries++;
            }
            assertEquals(429, status, "no 429 after " + tries + " failed logins");
            assertEquals(11, tries, "10 failures are allowed, the 11th attempt is refused");
            assertEquals(429, RawHttp.request(own.port(), "POST", "/api/login", json,
                    "{\"token\":\"" + SecuredGateway.ADMIN.token() + "\"}").status(), "even a good token waits out the window");
        }
    }

    @Test
    void aStaleLoginCookieIsClearedAndDoesNotLockTheAddressOut() throws Exception {
        try (UiGateway own = new UiGateway(UiGateway.demoConfig().put("auth", SecuredGateway.auth("none")))) {
            String revoked = "pgt_" + "0".repeat(12) + "_" + "C".repeat(43);
            Map<String, String> stale = Map.of("Cookie", "posegate_token=" + revoked);
            for (int i = 0; i < 20; i++) {
                RawHttp.Head page = RawHttp.request(own.port(), "GET", "/", stale, null);
                assertEquals(200, page.status(), "request " + i + " with a stale cookie: " + page.text());
                assertEquals(List.of("posegate_token=; Max-Age=0"), loginCookies(page), "the stale cookie is cleared");
            }
            Map<String, String> json = new java.util.HashMap<>(stale);
            json.putAll(Map.of("Content-Type", "application/json", "Origin", "http://127.0.0.1:" + own.port()));
            RawHttp.Head logout = RawHttp.request(own.port(), "POST", "/api/logout", json, "{}");
            assertEquals(204, logout.status(), logout.text());
            assertEquals(List.of("posegate_token=; Max-Age=0"), loginCookies(logout));
            RawHttp.Head login = RawHttp.request(own.port(), "POST", "/api/login", json,
                    "{\"token\":\"" + SecuredGateway.ADMIN.token() + "\"}");
            assertEquals(200, login.status(), login.text());
            assertEquals(List.of("posegate_token=" + SecuredGateway.ADMIN.token()), loginCookies(login), "logged in");
        }
    }

    @Test
    void aValidLoginCookieIsKeptWhileItsAddressIsBlocked() throws Exception {
        try (UiGateway own = new UiGateway(UiGateway.demoConfig().put("auth", SecuredGateway.auth("none")))) {
            Map<String, String> guess = Map.of("Authorization", "Bearer pgt_" + "0".repeat(12) + "_" + "G".repeat(43));
            int status = 0;
            for (int i = 0; i < 30 && status != 429; i++) {
                status = RawHttp.request(own.port(), "GET", "/api/streams", guess, null).status();
            }
            assertEquals(429, status, "wrong tokens block the address");
            RawHttp.Head page = RawHttp.request(own.port(), "GET", "/",
                    Map.of("Cookie", "posegate_token=" + SecuredGateway.ADMIN.token()), null);
            assertEquals(200, page.status(), page.text());
            assertEquals(List.of(), loginCookies(page), "a cookie left unchecked while the address is blocked is not cleared");
        }
    }

    /** The name=value (and Max-Age when set) of every login cookie the answer sets. */
    private static List<String> loginCookies(RawHttp.Head head) {
        List<String> found = new java.util.ArrayList<>();
        for (String line : head.text().split("\r\n")) {
            if (line.regionMatches(true, 0, "Set-Cookie:", 0, 11) && line.contains("posegate_token=")) {
                String[] parts = line.substring(11).trim().split(";\\s*");
                String maxAge = java.util.Arrays.stream(parts).filter(x -> x.startsWith("Max-Age=")).findFirst().orElse(null);
                found.add(parts[0] + (maxAge == null ? "" : "; " + maxAge));
            }
        }
        return found;
    }

    private Socket upgraded(Map<String, String> headers) throws Exception {
        Socket s = RawHttp.open(gateway.port());
        StringBuilder b = new StringBuilder("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port() + "\r\n");
        Map<String, String> all = new java.util.LinkedHashMap<>(RawHttp.wsHeaders());
        all.putAll(headers);
        all.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        s.getOutputStream().write(b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        RawHttp.Head head = RawHttp.readHead(s.getInputStream());
        assertEquals(101, head.status(), head.text());
        return s;
    }

    /** The first text frame's payload (uncompressed: the raw client offers no extension). */
    private static String readText(InputStream in) throws Exception {
        WsFrames.Frame f = WsFrames.read(in);
        assertEquals(1, f.opcode(), "a text frame");
        return new String(f.payload(), StandardCharsets.UTF_8);
    }
}
