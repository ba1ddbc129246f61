package io.posegate.gateway.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
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
import java.util.concurrent.TimeUnit;

/**
 * The client side of the fan-out bench, run as its own process so that the gateway's CPU and heap are
 * measured alone: {@code clients} WebSocket clients on loopback subscribe to one stream; the first
 * {@code stalled} of them never read (their sockets are paused). Prints {@code ready} once all are
 * connected, resets its counts on a {@code start} line and prints one JSON result line on {@code stop}.
 *
 * <p>Arguments: port, stream, clients, stalled, then optional {@code HEADER=VALUE} pairs sent on connect.
 */
public final class FanoutClients {
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
        Vertx vertx = Vertx.vertx();
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(clients + 16));
        List<PoseStats> healthy = new ArrayList<>();
        String subscribe = new JsonObject().put("type", "subscribe").put("streams", new JsonArray().add(stream)).encode();
        for (int i = 0; i < clients; i += 50) {
            List<Future<?>> batch = new ArrayList<>();
            for (int k = i; k < Math.min(clients, i + 50); k++) {
                boolean stall = k < stalled;
                PoseStats stats = new PoseStats(false);
                ClientWebSocket socket = client.webSocket();
                if (!stall) {
                    socket.textMessageHandler(stats::onText);
                    healthy.add(stats);
                }
                WebSocketConnectOptions o = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
                for (int a = 4; a < args.length; a++) {
                    int eq = args[a].indexOf('=');
                    o.addHeader(args[a].substring(0, eq), args[a].substring(eq + 1));
                }
                batch.add(socket.connect(o).onSuccess(ws -> {
                    ws.writeTextMessage(subscribe);
                    if (stall) {
                        ws.pause();
                    }
                }));
            }
            Future.all(batch).toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
        }
        System.out.println("ready " + clients);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals("start")) {
                healthy.forEach(PoseStats::reset);
            } else if (line.equals("stop")) {
                System.out.println(result(healthy).encode());
                System.out.flush();
                break;
            }
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.exit(0);
    }

    private static JsonObject result(List<PoseStats> healthy) {
        JsonArray frames = new JsonArray();
        LatencyStats ages = new LatencyStats();
        for (PoseStats s : healthy) {
            frames.add(s.frames());
            s.addAgesTo(ages);
        }
        return new JsonObject().put("frames", frames).put("p50", ages.percentile(50)).put("p99", ages.percentile(99))
                .put("max", ages.percentile(100));
    }
}
