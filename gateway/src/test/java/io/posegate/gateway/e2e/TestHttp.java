package io.posegate.gateway.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * The tests' HTTP client is the JDK's, independent of the server under test. (Vert.x 5.0.8's client,
 * called from a test thread on the gateway's own Vertx, was seen to leave a request unanswered under
 * CPU load while the server answered every request of an outside client under the same load.)
 */
public final class TestHttp {
    private TestHttp() {
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** A request to the gateway on 127.0.0.1:{@code port}; {@code body} is sent as JSON when not null. */
    public static HttpRequest request(int port, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (body == null) {
            return b.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
