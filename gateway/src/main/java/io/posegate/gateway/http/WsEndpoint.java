package io.posegate.gateway.http;

import io.posegate.gateway.auth.AuthException;
import io.posegate.gateway.auth.AuthHandler;
import io.posegate.gateway.auth.Authenticator;
import io.posegate.gateway.auth.Principal;
import io.posegate.gateway.auth.Role;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * {@code GET /ws}: upgrades after the router's checks (Host, Origin, credentials) have run. A socket
 * whose handshake carried a token (header or login cookie), or that anonymous viewers may open, joins
 * the {@link WsHub} at once; otherwise its first message must be {@code {"type":"auth","token":…}} within
 * {@value #AUTH_SECONDS} s, or it is closed with 1008. A later {@code auth} message can raise the role
 * (an admin may then send webcam frames). Every socket gets {@link WsKeepAlive} pings, and a message over
 * the size cap closes it with 1009. A joined socket is tracked by {@link TokenBoundConnections} with the token it
 * goes by (the latest accepted {@code auth} message's, else the handshake's; none when anonymous): when a token reload
 * drops that token the socket is closed with 1008 {@value #REVOKED}. Runs on the socket's event loop.
 */
final class WsEndpoint {
    static final int AUTH_SECONDS = 10;
    static final String REVOKED = "token revoked";
    private final Vertx vertx;
    private final WsHub hub;
    private final WebcamHub webcams;
    private final WebcamReaders readers;
    private final Authenticator authenticator;
    private final TokenBoundConnections tokenBound;
    private final Supplier<JsonObject> hello;
    private final int idleSeconds;

    WsEndpoint(Vertx vertx, WsHub hub, WebcamHub webcams, WebcamReaders readers, Authenticator authenticator,
               TokenBoundConnections tokenBound, Supplier<JsonObject> hello, int idleSeconds) {
        this.vertx = vertx;
        this.hub = hub;
        this.webcams = webcams;
        this.readers = readers;
        this.authenticator = authenticator;
        this.tokenBound = tokenBound;
        this.hello = hello;
        this.idleSeconds = idleSeconds;
    }

    void mount(Router router) {
        router.get("/ws").handler(this::upgrade);
    }

    private void upgrade(RoutingContext ctx) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            ApiReplies.error(ctx, 400, "/ws is a WebSocket endpoint; connect with a WebSocket client");
            return;
        }
        Principal principal = AuthHandler.principal(ctx);
        String token = AuthHandler.token(ctx);
        String address = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        ctx.request().toWebSocket().onSuccess(ws -> open(ws, principal, token, address));
    }

    private void open(ServerWebSocket ws, Principal principal, String token, String address) {
        WsKeepAlive.start(vertx, ws, idleSeconds);
        ws.exceptionHandler(e -> closeOn(ws, e));
        if (principal != null) {
            join(ws, principal, token, address);
            return;
        }
        long timer = vertx.setTimer(AUTH_SECONDS * 1000L, t -> ws.close((short) 1008, "no auth message within " + AUTH_SECONDS + " s"));
        ws.binaryMessageHandler(b -> ws.close((short) 1008, "authenticate first: {\"type\":\"auth\",\"token\":...}"));
        ws.textMessageHandler(text -> {
            ws.textMessageHandler(null);
            if (!(ClientMessages.parse(text) instanceof ClientMessage.Auth auth)) {
                vertx.cancelTimer(timer);
                ws.close((short) 1008, "authenticate first: {\"type\":\"auth\",\"token\":...}");
                return;
            }
            authenticator.authenticate(auth.token(), address).onComplete(r -> {
                vertx.cancelTimer(timer);
                if (r.failed()) {
                    ws.close((short) 1008, reason(r.cause()));
                } else if (!ws.isClosed()) {
                    join(ws, r.result(), auth.token(), address);
                }
            });
        });
    }

    /**
     * Attaches the socket's webcam side, then (unless that refused it: no running stream reads the feed it names, see
     * {@link WebcamSocket.Attached#refused}) joins it to the hub, which greets it and counts it as a client.
     *
     * @param token the token that proved {@code principal}, or null when anonymous
     */
    private void join(ServerWebSocket ws, Principal principal, String token, String address) {
        AtomicReference<Principal> who = new AtomicReference<>(principal);
        WebcamSocket.Attached webcam = WebcamSocket.attach(ws, webcams, readers::read,
                () -> who.get().role().covers(Role.ADMIN));
        if (webcam.refused()) {
            return; // closed with its reason; a server-closed socket counts as closed only once the peer answers
        }
        TokenBoundConnections.Tracked tracked = tokenBound.track(token, () -> ws.close((short) 1008, REVOKED));
        hub.accept(ws, hello, next -> authenticator.authenticate(next, address).onComplete(r -> {
            if (r.failed()) {
                ws.writeTextMessage(new JsonObject().put("v", 1).put("type", "error").put("message", reason(r.cause())).encode());
            } else if (tracked.retoken(next)) {
                who.set(r.result());
                ws.writeTextMessage(new JsonObject().put("v", 1).put("type", "auth").put("role", r.result().role().label()).encode());
            }
        }), () -> {
            tracked.untrack();
            webcam.closed().run();
        });
        if (ws.isClosed()) { // closed before the hub took its close handler: clean up what that handler would have
            tracked.untrack();
            webcam.closed().run();
        }
        ws.exceptionHandler(e -> closeOn(ws, e));
    }

    /** A message over the size cap (Vert.x reports it as an exception) closes the socket with 1009. */
    private static void closeOn(ServerWebSocket ws, Throwable e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("max message size")) {
            ws.close((short) 1009, "message too big");
        } else if (!ws.isClosed()) {
            ws.close((short) 1011, "error");
        }
    }

    private static String reason(Throwable e) {
        String m = e instanceof AuthException a ? a.getMessage() : "authentication failed";
        return m.length() > 120 ? m.substring(0, 120) : m;
    }
}
