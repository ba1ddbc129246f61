package io.posegate.gateway.cli;

import io.posegate.gateway.auth.LoginCodeRoute;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code posegate login-url}: a new single-use login URL for a gateway (or hub) running on this machine, as
 * {@code jupyter server list} prints its token URLs. Reads the admin token {@code run} (or {@code hub}) generated
 * and kept in {@code ~/.posegate/run-token-PORT} ({@link RunTokenFile}), sends it as a bearer token to
 * {@code POST /api/login-codes} ({@link LoginCodeRoute}) over plain HTTP, only to an address of this machine, and
 * prints the URL on stdout, how long it is valid on stderr.
 */
@Command(name = "login-url", description = {
        "Print a new single-use login URL for a gateway (or hub) running on this machine, started by this user without configured tokens.",
        "Reads the admin token that run (or hub) saved in ~/.posegate/run-token-PORT and asks the gateway for a login code "
                + "(POST /api/login-codes, plain HTTP). The URL goes to stdout, how long it is valid to stderr."})
final class LoginUrlCommand implements Callable<Integer> {
    /** What a login path from the gateway must look like before it is printed. */
    private static final Pattern LOGIN_PATH = Pattern.compile("/[A-Za-z0-9/_.-]*\\?login=[A-Za-z0-9_-]{22}");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "${env:POSEGATE_PORT:-8080}",
            description = "HTTP port the gateway listens on (default: POSEGATE_PORT, else 8080, as run with the default config; a hub: 8090).")
    int port;

    @Option(names = "--host", defaultValue = "${env:POSEGATE_HOST:-127.0.0.1}",
            description = "Address the gateway listens on, an address of this machine (default: POSEGATE_HOST, else 127.0.0.1; 0.0.0.0 is asked at 127.0.0.1).")
    String host;

    /**
     * The command that asks a gateway bound to {@code bindHost}, listening on {@code port}, for a new login URL:
     * {@code --host} only when the default 127.0.0.1 would not reach it.
     */
    static String commandFor(String bindHost, int port) {
        String h = bindHost.startsWith("[") && bindHost.endsWith("]") ? bindHost.substring(1, bindHost.length() - 1) : bindHost;
        boolean reachedByDefault = h.equals("127.0.0.1") || h.equals("0.0.0.0") || h.equals("::");
        return "posegate login-url --port " + port + (reachedByDefault ? "" : " --host " + h);
    }

    @Override
    public Integer call() throws Exception {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String asked = bare.equals("0.0.0.0") || bare.equals("::") ? "127.0.0.1" : bare;
        if (port < 1 || port > 65535) {
            return fail(2, "--port " + port + " is not a port a gateway listens on (1-65535; after 'run --port 0', the one its login URL names)");
        }
        String notLocal = notLocal(asked);
        if (notLocal != null) {
            return fail(2, notLocal);
        }
        Path file = RunTokenFile.defaultPath(port);
        String token;
        try {
            token = RunTokenFile.read(file);
        } catch (NoSuchFileException e) {
            return fail(1, "no token file " + file + ": is a gateway running on port " + port + " started by this user? "
                    + "(run and hub save the admin token they generate there; with configured tokens there is none: log in with one of those)");
        } catch (IOException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage();
            return fail(1, "cannot read the token file " + file + " (" + why + "): is a gateway running on port " + port
                    + " started by this user?");
        }
        String origin = "http://" + LoginAdvice.urlHost(asked) + ":" + port;
        HttpResponse<String> answer;
        try {
            answer = ask(origin, token);
        } catch (IOException e) {
            String where = port + (asked.equals("127.0.0.1") ? "" : " of " + asked);
            return fail(1, "no answer from " + origin + " (" + why(e) + "): is a gateway running on port " + where
                    + "? login-url speaks plain HTTP, so it cannot ask a gateway that serves HTTPS (security.tls)");
        }
        return answered(answer, origin, file);
    }

    private int answered(HttpResponse<String> answer, String origin, Path file) {
        JsonObject body;
        try {
            body = new JsonObject(answer.body());
        } catch (RuntimeException e) {
            body = new JsonObject();
        }
        String error = body.getValue("error") instanceof String s ? s : "HTTP " + answer.statusCode();
        switch (answer.statusCode()) {
            case 200 -> {
                String path = body.getValue("path") instanceof String p ? p : "";
                Instant expires;
                try {
                    expires = Instant.parse(String.valueOf(body.getValue("expiresAt")));
                } catch (RuntimeException e) {
                    expires = null;
                }
                if (!LOGIN_PATH.matcher(path).matches() || expires == null) {
                    return fail(1, origin + " answered " + LoginCodeRoute.PATH + " with no login path and expiry: is it a PoseGate gateway?");
                }
                spec.commandLine().getOut().println(origin + path);
                spec.commandLine().getOut().flush();
                long minutes = (Duration.between(Instant.now(), expires).toSeconds() + 30) / 60;
                spec.commandLine().getErr().println("(its login code works once, within " + minutes + " minutes: until "
                        + LocalTime.ofInstant(expires, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS) + ")");
                return 0;
            }
            case 401 -> {
                return fail(1, origin + " refused the token in " + file + " (" + error + "): the gateway on port " + port
                        + " is not the run that saved it (it has configured tokens, or another program holds the port)");
            }
            case 404, 405 -> {
                return fail(1, origin + " has no " + LoginCodeRoute.PATH + " (" + error + "): is it an older PoseGate, or not PoseGate?");
            }
            default -> {
                return fail(1, origin + " refused a login code (" + answer.statusCode() + ": " + error + ")");
            }
        }
    }

    /** Sends {@code POST /api/login-codes} with the token, as any non-browser client does (no Origin, a JSON body). */
    private static HttpResponse<String> ask(String origin, String token) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + LoginCodeRoute.PATH)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Why the admin token must not be sent to {@code host}, or null when every address it names is this machine's
     * (loopback, or an address of one of its interfaces).
     */
    static String notLocal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return "--host " + host + ": unknown host";
        }
        for (InetAddress a : addresses) {
            boolean local;
            try {
                local = a.isLoopbackAddress() || a.isAnyLocalAddress() || NetworkInterface.getByInetAddress(a) != null;
            } catch (SocketException e) {
                local = false;
            }
            if (!local) {
                return "--host " + host + " is not an address of this machine: login-url sends the admin token of a run on this "
                        + "machine, and only to this machine";
            }
        }
        return null;
    }

    private static String why(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private int fail(int code, String message) {
        spec.commandLine().getErr().println("error: " + message);
        return code;
    }
}
