package io.posegate.gateway.cli;

import io.posegate.gateway.auth.LoginCodes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * What {@code run} and {@code hub} print when they generated the admin token: the login URL with a single-use
 * login code, and where the token is for logging in later. The token is kept in an owner-only file
 * ({@link RunTokenFile}); when that file cannot be written, the token is printed instead, since it is then the
 * only way to log in as admin once the code is used or has expired.
 */
public final class LoginAdvice {
    private LoginAdvice() {
    }

    /**
     * The advice once the token file was written ({@code savedIn}) or not ({@code savedIn} null, {@code whyNotSaved}
     * saying why): the login URL {@code page?login=code} either way; the token itself only when it was not saved.
     * {@code newCodeCommand} is the {@code posegate login-url} command that asks this run for another login URL, or
     * null when it cannot (the gateway serves HTTPS).
     */
    static String advice(String what, String page, String code, String token, Path savedIn, String whyNotSaved, String newCodeCommand) {
        String once = "(its login code works once, within " + LoginCodes.LIFETIME.toMinutes() + " minutes";
        StringBuilder b = new StringBuilder();
        b.append(savedIn != null ? "generated an admin token for this run, kept in " + savedIn + " (owner-only).\n"
                : "generated an admin token for this run, not saved (" + whyNotSaved + ").\n");
        b.append("Log in to ").append(what).append(" with:\n    ").append(page).append("?login=").append(code).append('\n');
        if (savedIn != null) {
            b.append(once).append(", so the URL the browser's history keeps logs no one in; after that, ");
            if (newCodeCommand != null) {
                b.append("'").append(newCodeCommand).append("' prints a new one, or ");
            }
            b.append("open ").append(page).append(" and paste the token from ").append(savedIn).append(" into the login form)");
        } else {
            b.append(once).append("; after that the token below is the only admin login until this run stops: open ").append(page)
                    .append(" and paste it into the login form, never into a URL, where the browser's history would keep it)\n")
                    .append("The token (wherever this output is kept, e.g. a service's journal, it logs in as admin until this run stops):\n    ")
                    .append(token);
        }
        return b.toString();
    }

    /**
     * Keeps {@code token} in {@code tokenFile} and returns what {@code posegate hub} prints for its page at {@code page}:
     * the login URL with {@code code}, and the file's path, or the token itself when the file could not be written.
     */
    public static String hub(String page, String code, String token, Path tokenFile) {
        String advice;
        URI url = URI.create(page);
        String newCode = url.getHost() == null ? null : LoginUrlCommand.commandFor(url.getHost(), url.getPort());
        try {
            advice = advice("the hub page", page, code, token, RunTokenFile.write(tokenFile, token), null, newCode);
        } catch (IOException e) {
            advice = advice("the hub page", page, code, token, null, String.valueOf(e.getMessage()), newCode);
        }
        return "No tokens configured (--config): " + advice + "\nAPI calls that change things need 'Authorization: Bearer TOKEN' and a JSON body.";
    }

    /** The hub page's URL on {@code host} (a wildcard bind shown as 127.0.0.1) and {@code port}. */
    public static String hubPage(String host, int port) {
        return "http://" + urlHost(host) + ":" + port + "/hub/";
    }

    /** {@code host} as a URL names it: a wildcard bind as 127.0.0.1, an IPv6 address in brackets. */
    static String urlHost(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }
}
