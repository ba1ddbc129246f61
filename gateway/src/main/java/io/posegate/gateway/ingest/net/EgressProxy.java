package io.posegate.gateway.ingest.net;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.security.Redaction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A forward proxy on 127.0.0.1 that FFmpeg uses ({@code http_proxy}) for HTTP(S) sources from the API,
 * so that <em>every</em> request FFmpeg makes, including redirects and the segments of an HLS playlist,
 * is checked: the proxy resolves the request's host once, checks every address with the
 * {@link SourceAddressGuard}, and connects to the checked address (403 otherwise). HTTPS goes through
 * {@code CONNECT}, so FFmpeg's TLS still sees the real host name (SNI, certificate). Only callers that
 * know this process's random password ({@code Proxy-Authorization: Basic}) are served; at most
 * {@value #MAX_CONNECTIONS} connections at once. Threads: one accept thread, two per connection, all
 * daemon and named {@code posegate-egress-*}.
 */
public final class EgressProxy implements AutoCloseable {
    static final int MAX_CONNECTIONS = 64;
    private static final Logger LOG = Logger.getLogger(EgressProxy.class.getName());

    private final SourceAddressGuard guard;
    private final int timeoutMillis;
    private final ProxyPassword password = new ProxyPassword();
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final ServerSocket server;

    public EgressProxy(SourceAddressGuard guard, Duration timeout) throws IOException {
        this.guard = requireNonNull(guard, "guard is null");
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "posegate-egress-accept");
        t.setDaemon(true);
        t.start();
    }

    /** The value for FFmpeg's {@code http_proxy} option (holds the password: never log it unredacted). */
    public String url() {
        return "http://posegate:" + password.value() + "@127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (!slots.tryAcquire()) {
                    client.close();
                    continue;
                }
                Thread t = new Thread(() -> serve(client), "posegate-egress-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.log(Level.WARNING, "egress proxy accept failed: {0}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(timeoutMillis);
            ProxyRequest req = ProxyRequest.read(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            if (!password.authorises(req)) {
                ProxyPipes.reply(toClient, "407 Proxy Authentication Required", "Proxy-Authenticate: Basic realm=\"posegate\"\r\n");
                return;
            }
            boolean connect = req.method().equals("CONNECT");
            NetworkUrl url;
            ResolvedTarget target;
            try {
                url = NetworkUrl.parse(connect ? "https://" + req.target() : req.target());
                if (!connect && !url.scheme().equals("http")) {
                    throw new IllegalArgumentException("only http:// requests and CONNECT are proxied");
                }
                target = guard.resolve(url);
            } catch (IllegalArgumentException | IOException e) {
                LOG.log(Level.WARNING, "egress proxy refused {0}: {1}", new Object[] {Redaction.text(req.target()), e.getMessage()});
                ProxyPipes.reply(toClient, "403 Forbidden", "");
                return;
            }
            int port = url.port() > 0 ? url.port() : connect ? 443 : 80;
            try (Socket origin = new Socket()) {
                origin.connect(new InetSocketAddress(target.address(), port), timeoutMillis);
                origin.setSoTimeout(timeoutMillis);
                if (connect) {
                    toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    origin.getOutputStream().write(req.forOrigin(url));
                }
                client.setSoTimeout(0);
                ProxyPipes.pipe(origin.getInputStream(), toClient, client, origin);
                ProxyPipes.copy(client.getInputStream(), origin.getOutputStream());
            } catch (IOException e) {
                ProxyPipes.reply(toClient, "502 Bad Gateway", "");
            }
        } catch (IOException e) {
            // the client went away or timed out; nothing to answer
        } finally {
            slots.release();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
