package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.testing.Await;
import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.WorkerExecutor;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * MJPEG previews whose client resets the connection while the route still checks the stream on the
 * {@code posegate-jpeg} pool: none stays counted in {@code previews} and no encode loop keeps running for them
 * (Vert.x calls a close handler only if it was set before the close). The pool is held busy by the test so that
 * every reset is seen by the server before any check completes; the gateway's own pool and connection meters say
 * when each step has happened.
 */
class MjpegResetTest {
    private static final int CLIENTS = 20;
    private static final String POOL = "{pool_name=\"posegate-jpeg\",pool_type=\"worker\"}";

    @Test
    void previewsResetDuringTheStreamCheckAreNotCountedAndEncodeNothing() throws Exception {
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig())) {
            PreviewViewers previews = gateway.verticle().previews();
            Await.until(() -> previews(gateway) == 0, Await.PATIENCE, () -> "the demo stream listed");
            double connections = sample(gateway, "vertx_http_server_active_connections");
            double pending = sample(gateway, "vertx_pool_queue_pending" + POOL);
            double completed = sample(gateway, "vertx_pool_completed_total" + POOL);

            WorkerExecutor jpeg = gateway.vertx().createSharedWorkerExecutor("posegate-jpeg", 2);
            CountDownLatch busy = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    jpeg.executeBlocking(() -> {
                        busy.countDown();
                        return release.await(5, TimeUnit.MINUTES);
                    }, false);
                }
                assertTrue(busy.await(60, TimeUnit.SECONDS), "both posegate-jpeg threads held");
                for (int i = 0; i < CLIENTS; i++) {
                    Socket s = new Socket("127.0.0.1", gateway.port());
                    s.setSoLinger(true, 0);
                    sockets.add(s);
                    OutputStream out = s.getOutputStream();
                    out.write(("GET /api/streams/demo/mjpeg?fps=25 HTTP/1.1\r\nHost: 127.0.0.1:" + gateway.port()
                            + "\r\nAuthorization: Bearer " + gateway.adminToken() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                Await.until(() -> sample(gateway, "vertx_pool_queue_pending" + POOL) >= pending + CLIENTS, Await.PATIENCE,
                        () -> CLIENTS + " stream checks waiting on posegate-jpeg");
                for (Socket s : sockets) {
                    s.close(); // SO_LINGER 0: a reset
                }
                Await.until(() -> sample(gateway, "vertx_http_server_active_connections") <= connections, Await.PATIENCE,
                        () -> "the server saw every reset");
            } finally {
                release.countDown();
                for (Socket s : sockets) {
                    s.close();
                }
                jpeg.close();
            }
            Await.until(() -> sample(gateway, "vertx_pool_completed_total" + POOL) >= completed + CLIENTS + 2, Await.PATIENCE,
                    () -> "every stream check done");
            Await.until(() -> previews(gateway) == 0, Await.PATIENCE,
                    () -> "no reset preview counted; previews: " + previews(gateway));
            Await.until(() -> previews.encoders() == 0, Await.PATIENCE,
                    () -> "no encode loop left for a reset preview; running: " + previews.encoders());
        }
    }

    private static int previews(UiGateway gateway) {
        try {
            return gateway.json("/api/streams/demo").getInteger("previews");
        } catch (Exception e) {
            return -1;
        }
    }

    private static double sample(UiGateway gateway, String series) {
        try {
            Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(gateway.get("/metrics").text());
            assertTrue(m.find(), "no sample " + series + " in /metrics");
            return Double.parseDouble(m.group(1));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
