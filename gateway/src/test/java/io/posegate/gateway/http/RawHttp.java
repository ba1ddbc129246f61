package io.posegate.gateway.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Hand-written HTTP/1.1 over a plain socket to 127.0.0.1, for what the JDK client will not send (a
 * foreign {@code Host}, a WebSocket handshake with any {@code Origin}, half a header). Reads are bounded
 * by a 60 s socket timeout, which only stops a hung test.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** The status code and header block of one request (the body is not read). */
    record Head(int status, String text) {
        String header(String name) {
            for (String line : text.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    static Socket open(int port) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(60_000);
        return s;
    }

    /** Sends {@code method path} with {@code headers} (Host is 127.0.0.1:port unless given) and an optional body. */
    static Head request(int port, String method, String path, Map<String, String> headers, String body) throws IOException {
        try (Socket s = open(port)) {
            StringBuilder b = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Host"))) {
                b.append("Host: 127.0.0.1:").append(port).append("\r\n");
            }
            headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                b.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Connection"))) {
                b.append("Connection: close\r\n");
            }
            b.append("\r\n");
            s.getOutputStream().write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            return readHead(s.getInputStream());
        }
    }

    /** A WebSocket handshake on {@code path}; the answer's head (101 when upgraded). */
    static Head handshake(int port, String path, Map<String, String> headers) throws IOException {
        java.util.LinkedHashMap<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.putAll(wsHeaders());
        return request(port, "GET", path, h, null);
    }

    static Map<String, String> wsHeaders() {
        return Map.of("Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Version", "13", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
    }

    static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/1.1 ")) {
            return new Head(-1, text);
        }
        return new Head(Integer.parseInt(text.substring(9, 12)), text);
    }
}
