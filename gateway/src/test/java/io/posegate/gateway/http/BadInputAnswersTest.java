package io.posegate.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.posegate.gateway.ui.UiGateway;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bad input is answered 400 naming the field; anything unexpected is a JSON 500 that shows nothing of the failure. */
class BadInputAnswersTest {
    @Test
    void aNulInAStreamsModelFileIsAFieldError() throws Exception {
        try (UiGateway gateway = new UiGateway(UiGateway.demoConfig())) {
            UiGateway.Reply r = gateway.request(HttpMethod.PUT, "/api/streams/x",
                    new JsonObject().put("source", "demo:").put("modelFile", "a\u0000b"));
            assertEquals(400, r.status(), r.text());
            JsonObject body = r.body().toJsonObject();
            assertEquals(new JsonArray().add("streams.x.modelFile: is not a usable file path: Nul character not allowed"),
                    body.getJsonArray("problems"));
        }
    }

    @Test
    void anUnexpectedFailureIsAJson500WithoutItsMessage() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            JsonFailures.install(router);
            router.get("/boom").handler(ctx -> {
                throw new IllegalStateException("password=hunter2 at the database");
            });
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.actualPort() + "/boom")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(500, r.statusCode(), r.body());
            assertEquals("application/json", r.headers().firstValue("content-type").orElse(null));
            String body = r.body();
            assertEquals(new JsonObject().put("error", JsonFailures.INTERNAL), new JsonObject(body));
            for (String hidden : List.of("hunter2", "IllegalStateException", "at io.")) {
                assertFalse(body.contains(hidden), body);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientErrorSaysWhatWasWrongRedacted() {
        assertEquals("413 Request Entity Too Large: a request body may be at most 64 KiB", JsonFailures.clientError(413, null));
        assertEquals("400 Bad Request", JsonFailures.clientError(400, null));
        String said = JsonFailures.clientError(400, new IllegalArgumentException("bad field at\n rtsp://user:hunter2@cam/x"));
        assertTrue(said.startsWith("400 Bad Request: bad field at rtsp://"), said);
        assertFalse(said.contains("hunter2"), said);
    }
}
