package io.posegate.gateway.http;

import io.posegate.gateway.config.SecurityConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Set;
import java.util.logging.Logger;

/**
 * HTTPS from a PEM certificate chain and key, TLS 1.2 and 1.3 only (1.3 preferred by the JDK), reloaded
 * without a restart: the files are checked every {@value #CHECK_MILLIS} ms on a worker thread and, when
 * they changed and read as a valid pair, handed to {@link HttpServer#updateSSLOptions}. A bad new pair is
 * logged and the old one kept.
 */
final class TlsFiles {
    static final Set<String> PROTOCOLS = Set.of("TLSv1.2", "TLSv1.3");
    static final long CHECK_MILLIS = 1000;
    private static final Logger LOG = Logger.getLogger(TlsFiles.class.getName());
    private final SecurityConfig.Tls tls;
    private volatile int seen;

    TlsFiles(SecurityConfig.Tls tls) {
        this.tls = tls;
    }

    /** Turns TLS on in {@code options} from the files as they are now (blocking read; call off the event loop). */
    HttpServerOptions apply(HttpServerOptions options) {
        seen = stamp();
        return options.setSsl(true).setKeyCertOptions(read()).setEnabledSecureTransportProtocols(PROTOCOLS);
    }

    /** Watches the files; returns the timer id. */
    long watch(Vertx vertx, HttpServer server) {
        return vertx.setPeriodic(CHECK_MILLIS, id -> vertx.executeBlocking(() -> {
            int now = stamp();
            if (now == seen) {
                return null;
            }
            seen = now;
            return read();
        }, false).compose(pem -> pem == null ? null : server.updateSSLOptions(new ServerSSLOptions().setKeyCertOptions(pem)
                .setEnabledSecureTransportProtocols(PROTOCOLS), true)).onComplete(r -> {
                    if (r.failed()) {
                        LOG.warning("TLS files " + tls.cert() + ", " + tls.key() + " changed but were not loaded, old ones kept: "
                                + r.cause().getMessage());
                    } else if (r.result() != null) {
                        LOG.info("TLS certificate reloaded from " + tls.cert());
                    }
                }));
    }

    private PemKeyCertOptions read() {
        try {
            return new PemKeyCertOptions().setCertValue(Buffer.buffer(Files.readAllBytes(tls.cert())))
                    .setKeyValue(Buffer.buffer(Files.readAllBytes(tls.key())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLS file: " + e.getMessage(), e);
        }
    }

    /** A digest of both files' bytes (they are small), so any change counts, whatever the clock says. */
    private int stamp() {
        try {
            return 31 * Arrays.hashCode(Files.readAllBytes(tls.cert())) + Arrays.hashCode(Files.readAllBytes(tls.key()));
        } catch (IOException e) {
            return seen;
        }
    }
}
