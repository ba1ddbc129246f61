package io.posegate.gateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The client side of the fan-out bench, its own process so that the gateway's CPU and heap are measured
 * alone. One Vert.x instance with a few event loops opens {@code clients} WebSockets to 127.0.0.1 in
 * ramps of {@value #RAMP}, retrying a failed handshake; the first {@code stalled} never read (paused right
 * after connecting, with a {@value #STALLED_RECEIVE_BUFFER}-byte receive buffer, so their TCP windows fill
 * within seconds rather than minutes). Healthy clients read frames as bytes ({@link FanoutWindow}). Talks to {@link FanoutRun} by lines: prints
 * {@code ready CONNECTED FAILED [first error]}; on {@code start} opens every healthy client's window and
 * prints {@code started}; on {@code stop FROM TO} prints one JSON line with, per healthy client, the
 * frames received with {@code FROM <= seq <= TO}, and the frame-age percentiles of those frames.
 *
 * <p>Arguments: port, stream, clients, stalled, then optional {@code HEADER=VALUE} pairs sent on connect;
 * the environment variable {@value #TOKEN_ENV}, when set, is sent as {@code Authorization: Bearer}.
 */
public final class FanoutClients {
    static final String TOKEN_ENV = "POSEGATE_BENCH_TOKEN";
    private static final int RAMP = 50;
    private static final int ATTEMPTS = 4;
    static final int STALLED_RECEIVE_BUFFER = 16 * 1024;

    private FanoutClients() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            System.err.println("fan-out clients failed: " + e);
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String stream = args[1];
        int clients = Integer.parseInt(args[2]);
        int stalled = Integer.parseInt(args[3]);
        int loops = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(clients + 16)
                .setConnectTimeout(30_000).setMaxFrameSize(1 << 20).setMaxMessageSize(4 << 20));
        // a client that never reads fills its TCP window; a small receive buffer makes that happen within seconds
        WebSocketClient stalledClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(stalled + 16)
                .setConnectTimeout(30_000).setReceiveBufferSize(STALLED_RECEIVE_BUFFER));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws").setTimeout(60_000);
        for (int a = 4; a < args.length; a++) {
            int eq = args[a].indexOf('=');
            options.addHeader(args[a].substring(0, eq), args[a].substring(eq + 1));
        }
        String token = System.getenv(TOKEN_ENV);
        if (token != null && !token.isBlank()) {
            options.addHeader("Authorization", "Bearer " + token);
        }
        String subscribe = new JsonObject().put("type", "subscribe").put("streams", new JsonArray().add(stream)).encode();
        List<FanoutWindow> healthy = new ArrayList<>();
        Map<Long, Long> captures = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        for (int i = 0; i < clients; i += RAMP) {
            List<Future<?>> batch = new ArrayList<>();
            for (int k = i; k < Math.min(clients, i + RAMP); k++) {
                boolean stall = k < stalled; // stalled first: they fill while the others connect
                FanoutWindow window = stall ? null : new FanoutWindow(captures);
                batch.add(open(vertx, stall ? stalledClient : client, options, window, subscribe, ATTEMPTS).onSuccess(ws -> {
                    ws.closeHandler(v -> closed.incrementAndGet());
                    if (window != null) {
                        synchronized (healthy) {
                            healthy.add(window);
                        }
                    }
                }).onFailure(e -> {
                    failed.incrementAndGet();
                    firstError.compareAndSet(null, String.valueOf(e.getMessage()));
                }));
            }
            Future.join(batch).toCompletionStage().toCompletableFuture().exceptionally(e -> null).get(600, TimeUnit.SECONDS);
        }
        System.out.println("ready " + (clients - failed.get()) + " " + failed.get() + (firstError.get() == null ? "" : " " + firstError.get()));
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("start")) {
                healthy.forEach(FanoutWindow::open);
                System.out.println("started");
                System.out.flush();
            } else if (line.startsWith("stop ")) {
                String[] p = line.split(" ");
                System.out.println(result(healthy, Long.parseLong(p[1]), Long.parseLong(p[2]), closed.get()).encode());
                System.out.flush();
                break;
            }
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.exit(0);
    }

    /** Connects one client (text handler set before the handshake, so no frame is missed), retrying. */
    private static Future<WebSocket> open(Vertx vertx, WebSocketClient client, WebSocketConnectOptions options, FanoutWindow window,
                                          String subscribe, int attempts) {
        ClientWebSocket socket = client.webSocket();
        if (window != null) {
            socket.frameHandler(f -> window.onFrame(f.binaryData()));
        }
        return socket.connect(options).<WebSocket>map(ws -> {
            ws.writeTextMessage(subscribe);
            if (window == null) {
                ws.pause();
            }
            return ws;
        }).recover(e -> attempts <= 1 ? Future.failedFuture(e)
                : vertx.timer(500).compose(v -> open(vertx, client, options, window, subscribe, attempts - 1)));
    }

    private static JsonObject result(List<FanoutWindow> healthy, long from, long to, int closed) {
        JsonArray frames = new JsonArray();
        LatencyStats ages = new LatencyStats();
        for (FanoutWindow w : healthy) {
            frames.add(w.count(from, to, ages));
        }
        return new JsonObject().put("frames", frames).put("p50", ages.percentile(50)).put("p99", ages.percentile(99))
                .put("max", ages.percentile(100)).put("closed", closed);
    }
}
