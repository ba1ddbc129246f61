package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.config.ConfigException;
import io.posegate.gateway.config.GatewayConfigs;
import io.posegate.gateway.testing.Await;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.json.JsonObject;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files made in the test (the JDK's keytool), TLS 1.3 preferred, and a new pair picked up without a restart. */
class TlsReloadTest {
    @TempDir
    Path dir;

    @Test
    void servesTls13FromPemAndReloadsChangedFiles() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        writePem("first", cert, key);
        JsonObject config = new JsonObject().put("model", "demo-simulated").put("streams", new JsonObject())
                .put("http", new JsonObject().put("tls", new JsonObject().put("cert", cert.toString()).put("key", key.toString())));
        try (UiGateway gateway = new UiGateway(config)) {
            try (SSLSocket s = connect(gateway.port(), null)) {
                assertEquals("TLSv1.3", s.getSession().getProtocol());
                assertEquals("CN=first", subject(s));
                s.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port() + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                assertEquals(200, RawHttp.readHead(s.getInputStream()).status());
            }
            try (SSLSocket s12 = connect(gateway.port(), "TLSv1.2")) {
                assertEquals("TLSv1.2", s12.getSession().getProtocol());
            }
            try (Socket plain = RawHttp.open(gateway.port())) {
                plain.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                InputStream in = plain.getInputStream();
                assertTrue(RawHttp.readHead(in).status() != 200, "plain HTTP is not served on the TLS port");
            } catch (IOException expected) {
                // closed: fine
            }

            writePem("second", cert, key);
            Await.until(() -> {
                try (SSLSocket s = connect(gateway.port(), null)) {
                    return subject(s).equals("CN=second");
                } catch (Exception e) {
                    return false;
                }
            }, Await.PATIENCE, () -> "the new certificate served without a restart");
        }
    }

    @Test
    void missingPemFilesAreAConfigErrorNamingThem() {
        JsonObject config = new JsonObject().put("model", "demo-simulated").put("streams", new JsonObject())
                .put("http", new JsonObject().put("tls", new JsonObject().put("cert", dir.resolve("none.pem").toString())
                        .put("key", dir.resolve("none-key.pem").toString())));
        ConfigException e = assertThrows(ConfigException.class, () -> GatewayConfigs.parse(config, dir));
        assertTrue(e.getMessage().contains("http.tls.cert") && e.getMessage().contains("none.pem"), e.getMessage());
        assertTrue(e.getMessage().contains("http.tls.key"), e.getMessage());
    }

    private SSLSocket connect(int port, String protocol) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] c, String a) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] c, String a) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout(60_000);
        if (protocol != null) {
            s.setEnabledProtocols(new String[] {protocol});
        }
        s.startHandshake();
        return s;
    }

    private static String subject(SSLSocket s) throws IOException {
        return ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
    }

    /** A self-signed RSA pair for {@code CN=cn} made by keytool, written as PEM (certificate, PKCS#8 key), each file replaced atomically. */
    private void writePem(String cn, Path cert, Path key) throws Exception {
        Path store = dir.resolve(cn + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "k", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + cn, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit", "-ext", "SAN=ip:127.0.0.1")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        replace(cert, pem("CERTIFICATE", ks.getCertificate("k").getEncoded()));
        replace(key, pem("PRIVATE KEY", ks.getKey("k", "changeit".toCharArray()).getEncoded()));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private void replace(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(dir, "pem", ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
