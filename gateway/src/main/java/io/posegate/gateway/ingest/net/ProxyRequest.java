package io.posegate.gateway.ingest.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The head of one request to the {@link EgressProxy}: request line and header lines, read byte by byte
 * up to the blank line (at most {@value #MAX_HEAD} bytes, so nothing of the body is consumed).
 *
 * @param method  {@code GET}, {@code CONNECT}, ...
 * @param target  absolute URL, or {@code host:port} for CONNECT
 * @param version {@code HTTP/1.1}
 * @param headers header lines as received, without their CRLF
 */
record ProxyRequest(String method, String target, String version, List<String> headers) {
    static final int MAX_HEAD = 16 * 1024;

    static ProxyRequest read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("request ended inside its head");
            }
            head.write(b);
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head too large");
            }
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
                    : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] first = lines[0].split(" ");
        if (first.length != 3 || !first[2].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1 request line");
        }
        List<String> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                headers.add(lines[i]);
            }
        }
        return new ProxyRequest(first[0], first[1], first[2], headers);
    }

    /** The value of the first header called {@code name}, or null. */
    String header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String h : headers) {
            if (h.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return h.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    /** The head to send to the origin: origin-form target, no proxy headers, one request per connection. */
    byte[] forOrigin(NetworkUrl url) {
        String path = url.rest().isEmpty() || url.rest().startsWith("?") ? "/" + url.rest() : url.rest();
        int hash = path.indexOf('#');
        StringBuilder out = new StringBuilder(method).append(' ').append(hash < 0 ? path : path.substring(0, hash))
                .append(' ').append(version).append("\r\n");
        for (String h : headers) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("proxy-") && !lower.startsWith("connection:") && !lower.startsWith("keep-alive:")) {
                out.append(h).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
