package io.posegate.gateway.config;

import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

/** Parses and validates the {@code fleet:} section (see {@link FleetConfig}); every problem is listed. */
public final class FleetConfigs {
    /** Box ids and group names: safe as one MQTT topic level (no wildcards, no '/'). */
    public static final String NAME = "[A-Za-z0-9_.-]{1,64}";

    private FleetConfigs() {
    }

    static FleetConfig parse(FieldReader r, Path baseDir) {
        r.onlyKnown("broker", "boxId", "groups", "username", "password", "tls", "stateDir", "keepAliveSeconds",
                "willDelaySeconds", "metricsSeconds", "soakSeconds", "poses", "dashboardUrl");
        String broker = r.string("broker", null);
        if (broker == null) {
            return FleetConfig.OFF;
        }
        checkBroker(broker, r);
        String boxId = r.requiredString("boxId");
        if (boxId != null && !boxId.matches(NAME)) {
            r.error("boxId", "'" + boxId + "' must be 1-64 letters, digits, '_', '.', '-'");
        }
        List<String> groups = new ArrayList<>();
        JsonArray g = r.array("groups");
        if (g != null) {
            for (Object o : g) {
                if (!(o instanceof String s) || !s.matches(NAME)) {
                    r.error("groups", "group '" + o + "' must be 1-64 letters, digits, '_', '.', '-'");
                } else {
                    groups.add(s);
                }
            }
        }
        String username = r.string("username", null);
        String password = r.string("password", null);
        if (password != null && username == null) {
            r.error("password", "is set but 'username' is not: the broker gets no credentials without a user name; set fleet.username");
        }
        FieldReader tls = r.object("tls");
        tls.onlyKnown("trustStore", "trustStorePassword");
        Path trustStore = tls.filePath("trustStore", baseDir, null);
        String trustPassword = tls.string("trustStorePassword", null);
        if (trustStore != null) {
            if (broker.startsWith("mqtt://")) {
                tls.error("trustStore", "is set but broker '" + io.posegate.gateway.security.Redaction.uri(broker) + "' is plain mqtt:// (no TLS): use mqtts://HOST:PORT, or drop fleet.tls");
            }
            String problem = trustStoreProblem(trustStore, trustPassword);
            if (problem != null) {
                tls.error("trustStore", problem);
            }
        } else if (trustPassword != null && tls.string("trustStore", null) == null) {
            tls.error("trustStorePassword", "is set but 'trustStore' is not");
        }
        FieldReader poses = r.object("poses");
        poses.onlyKnown("maxFps");
        double posesFps = poses.number("maxFps", 0);
        if (posesFps < 0 || posesFps > 30) {
            poses.error("maxFps", "must be 0 (off) to 30");
        }
        String dashboardUrl = r.string("dashboardUrl", null);
        String dashboardProblem = dashboardUrl == null ? null : dashboardUrlProblem(dashboardUrl);
        if (dashboardProblem != null) {
            r.error("dashboardUrl", dashboardProblem);
        }
        Path stateDir = r.filePath("stateDir", baseDir, Path.of(System.getProperty("user.home"), ".posegate", "fleet").toString());
        return new FleetConfig(broker, boxId, groups, username, password, trustStore, trustPassword,
                stateDir, r.integer("keepAliveSeconds", 10, 1, 3600),
                r.integer("willDelaySeconds", 5, 0, 3600), r.integer("metricsSeconds", 5, 1, 3600),
                r.integer("soakSeconds", 10, 0, 3600), posesFps, dashboardUrl);
    }

    /**
     * Checks an {@code mqtt://HOST:PORT} / {@code mqtts://HOST:PORT} URL; also used by {@code posegate hub}. The
     * problem shows the URL redacted: a password in its userinfo is masked.
     */
    public static String brokerProblem(String broker) {
        String shown = "'" + io.posegate.gateway.security.Redaction.uri(broker) + "'";
        try {
            URI u = new URI(broker);
            if (!"mqtt".equals(u.getScheme()) && !"mqtts".equals(u.getScheme())) {
                return shown + " must be mqtt://HOST:PORT or mqtts://HOST:PORT";
            }
            if (u.getHost() == null || u.getPort() < 1) {
                return shown + " must name a host and a port: mqtt://HOST:PORT";
            }
            return null;
        } catch (java.net.URISyntaxException e) {
            // the exception's message quotes the raw URL: only its reason and position are shown
            return shown + " is not a URL: " + e.getReason() + (e.getIndex() < 0 ? "" : " at index " + e.getIndex());
        }
    }

    /**
     * Checks {@code fleet.dashboardUrl}: an absolute {@code http://} or {@code https://} URL with a host, and neither
     * credentials nor a query, since every fleet subscriber reads it (a token belongs in no published URL).
     */
    static String dashboardUrlProblem(String url) {
        String shown = "'" + io.posegate.gateway.security.Redaction.uri(url) + "'";
        URI u;
        try {
            u = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return shown + " is not a URL";
        }
        if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
            return shown + " must be http://HOST[:PORT]/ or https://HOST[:PORT]/ (where a browser opens this box's dashboard)";
        }
        if (u.getHost() == null) {
            return shown + " must name a host: http://HOST[:PORT]/";
        }
        if (u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
            return shown + " must carry no user name, password, query or fragment: every fleet subscriber reads it";
        }
        return null;
    }

    /** Loads a PKCS#12 / JKS trust store ({@code .jks}: JKS, else PKCS#12); the message names the file, never the password. */
    public static KeyStore loadTrustStore(Path store, String password) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(store.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password == null ? null : password.toCharArray());
        }
        return ks;
    }

    private static String trustStoreProblem(Path store, String password) {
        if (!Files.isRegularFile(store)) {
            return "file " + store + " does not exist";
        }
        if (!Files.isReadable(store)) {
            return "file " + store + " is not readable";
        }
        try {
            loadTrustStore(store, password);
            return null;
        } catch (GeneralSecurityException | IOException e) {
            return "file " + store + " cannot be read as a " + (store.toString().endsWith(".jks") ? "JKS" : "PKCS#12")
                    + " trust store (or fleet.tls.trustStorePassword is wrong): " + e.getMessage();
        }
    }

    private static void checkBroker(String broker, FieldReader r) {
        String problem = brokerProblem(broker);
        if (problem != null) {
            r.error("broker", problem);
        }
    }
}
