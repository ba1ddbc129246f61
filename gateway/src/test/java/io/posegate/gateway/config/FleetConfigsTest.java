package io.posegate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code fleet:} section: off by default, validated up front with every problem listed, secrets never shown. */
class FleetConfigsTest {
    private static final Path BASE = Path.of("/etc/posegate");

    @Test
    void fleetIsOffByDefault() {
        GatewayConfig c = GatewayConfigs.parse(new JsonObject(), BASE);
        assertFalse(c.fleet().enabled());
    }

    @Test
    void aFleetBoxIsParsed() {
        GatewayConfig c = GatewayConfigs.parse(new JsonObject().put("fleet", new JsonObject().put("broker", "mqtts://hub.lan:8883")
                .put("boxId", "nano-07").put("groups", new JsonArray().add("lobby").add("jetson")).put("username", "nano-07")
                .put("password", "s3cret").put("stateDir", "state").put("soakSeconds", 3)), BASE);
        FleetConfig f = c.fleet();
        assertTrue(f.enabled() && f.tls());
        assertEquals("nano-07", f.boxId());
        assertEquals(List.of("lobby", "jetson"), f.groups());
        assertEquals(BASE.resolve("state"), f.stateDir());
        assertEquals(3, f.soakSeconds());
        assertFalse(f.toString().contains("s3cret"), "the password is redacted: " + f);
    }

    @Test
    void everyProblemIsListed() {
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(new JsonObject().put("fleet",
                new JsonObject().put("broker", "http://hub:80").put("groups", new JsonArray().add("a/b")).put("colour", 1)), BASE));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("fleet.colour: unknown field; known: ["), all);
        assertTrue(all.contains("must be mqtt://HOST:PORT or mqtts://HOST:PORT"), all);
        assertTrue(all.contains("fleet.boxId"), all);
        assertTrue(all.contains("group 'a/b'"), all);
        assertEquals(4, e.problems().size(), all);
    }

    @Test
    void tlsAndCredentialMistakesAreListedUpFront(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("broken.p12"), "not a key store");
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(new JsonObject().put("fleet",
                new JsonObject().put("broker", "mqtt://hub:1883").put("boxId", "b1").put("password", "s3cret")
                        .put("tls", new JsonObject().put("trustStore", "missing.p12"))), dir));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("fleet.password: is set but 'username' is not"), all);
        assertTrue(all.contains("fleet.tls.trustStore: is set but broker 'mqtt://hub:1883' is plain mqtt://"), all);
        assertTrue(all.contains("fleet.tls.trustStore: file " + dir.resolve("missing.p12") + " does not exist"), all);
        assertEquals(3, e.problems().size(), all);
        assertFalse(all.contains("s3cret"), all);

        ConfigException unreadable = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(new JsonObject().put("fleet",
                new JsonObject().put("broker", "mqtts://hub:8883").put("boxId", "b1")
                        .put("tls", new JsonObject().put("trustStore", "broken.p12"))), dir));
        assertEquals(1, unreadable.problems().size(), unreadable.problems().toString());
        assertTrue(unreadable.problems().get(0).contains("fleet.tls.trustStore: file " + dir.resolve("broken.p12")
                + " cannot be read as a PKCS#12 trust store"), unreadable.problems().toString());
    }

    @Test
    void dashboardUrlIsAnHttpAddressWithoutSecrets() {
        JsonObject box = new JsonObject().put("broker", "mqtt://hub:1883").put("boxId", "b1");
        GatewayConfig ok = GatewayConfigs.parse(new JsonObject().put("fleet", box.copy().put("dashboardUrl", "https://box7.lan:8443/")), BASE);
        assertEquals("https://box7.lan:8443/", ok.fleet().dashboardUrl());
        assertEquals(null, GatewayConfigs.parse(new JsonObject().put("fleet", box), BASE).fleet().dashboardUrl(), "built when not set");
        for (String[] bad : new String[][] {
                {"ftp://box7.lan/", "must be http://HOST[:PORT]/ or https://"},
                {"box7.lan:8080", "must be http://HOST[:PORT]/ or https://"},
                {"http:///path", "must name a host"},
                {"http://box 7/", "is not a URL"},
                {"http://admin:s3cret@box7.lan/", "must carry no user name, password, query or fragment"},
                {"http://box7.lan/?token=pgt_s3cret", "must carry no user name, password, query or fragment"}}) {
            ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(new JsonObject().put("fleet",
                    box.copy().put("dashboardUrl", bad[0]).put("soakSeconds", -1)), BASE), bad[0]);
            String all = String.join("\n", e.problems());
            assertTrue(all.contains("fleet.dashboardUrl: ") && all.contains(bad[1]), bad[0] + ": " + all);
            assertTrue(all.contains("fleet.soakSeconds"), "the other problem is listed too: " + all);
            assertEquals(2, e.problems().size(), all);
            assertFalse(all.contains("s3cret"), "no secret in the message: " + all);
        }
    }

    @Test
    void brokerProblemsNeverShowTheBrokerPassword() {
        for (String broker : List.of("mqtt://hub:Br0kerPw@hub.lan", "ftp://hub:Br0kerPw@hub.lan:21", "mqtt://hub:Br0ker Pw@hub.lan:1883",
                "mqtt://hub:Br0ker\"Pw@hub.lan")) {
            String problem = FleetConfigs.brokerProblem(broker);
            assertTrue(problem != null && problem.contains("hub:***@hub.lan"), broker + " -> " + problem);
            assertFalse(problem.contains("Br0ker"), problem);
        }
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(new JsonObject().put("fleet",
                new JsonObject().put("broker", "mqtt://hub:Br0kerPw@hub.lan:1883").put("boxId", "b1")
                        .put("tls", new JsonObject().put("trustStore", "missing.p12"))), BASE));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("broker 'mqtt://hub:***@hub.lan:1883' is plain mqtt://"), all);
        assertFalse(all.contains("Br0kerPw"), all);
        assertFalse(new FleetConfig("mqtt://hub:Br0kerPw@hub.lan:1883", "b1", List.of(), null, null, null, null, BASE, 10, 5, 5, 10, 0,
                null).toString().contains("Br0kerPw"));
    }
}
