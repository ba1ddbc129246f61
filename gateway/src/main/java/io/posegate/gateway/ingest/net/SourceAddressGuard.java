package io.posegate.gateway.ingest.net;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks where a network source from the API would connect. {@link #precheck} runs when the source is
 * created (no I/O: literal addresses and malformed hosts are refused at once, so the API answers 400);
 * {@link #resolve} runs on every connect: it resolves the host once, checks every address it got, and
 * returns the URL pinned to the first one. The refusal message is the same whatever the reason; the
 * reason goes to the local log only.
 */
public final class SourceAddressGuard {
    /** What the API and {@code /ws} see for any refused network source. */
    public static final String REFUSED = "source refused: its address is not allowed for sources from the API "
            + "(an administrator can allow it under sources.allow in the config file)";
    private static final Logger LOG = Logger.getLogger(SourceAddressGuard.class.getName());

    private final NetworkPolicy policy;
    private final java.time.Duration timeout;
    private EgressProxy proxy;

    /** @param timeout how long the egress proxy waits on a silent connection */
    public SourceAddressGuard(NetworkPolicy policy, java.time.Duration timeout) {
        this.policy = requireNonNull(policy, "policy is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** The egress proxy for HTTP(S) sources, started on first use and kept for the life of the process. */
    public synchronized EgressProxy proxy() throws java.io.IOException {
        if (proxy == null) {
            proxy = new EgressProxy(this, timeout);
        }
        return proxy;
    }

    /**
     * @throws IllegalArgumentException ({@link #REFUSED}) for a malformed URL or a refused literal address
     */
    public NetworkUrl precheck(String url) {
        NetworkUrl u;
        Optional<InetAddress> literal;
        try {
            u = NetworkUrl.parse(url);
            literal = IpLiterals.parse(u.host());
        } catch (IllegalArgumentException e) {
            throw refused(url, e.getMessage());
        }
        if (literal.isEmpty() && !NetworkPolicy.isHostName(u.host())) {
            throw refused(url, "not a valid host name");
        }
        if (literal.isEmpty() && isLocalhostName(u.host())) {
            literal = Optional.of(InetAddress.getLoopbackAddress());
        }
        if (literal.isPresent()) {
            policy.refusal(u.host(), literal.get()).ifPresent(why -> {
                throw refused(url, why);
            });
        }
        return u;
    }

    /**
     * Resolves once, checks all addresses, pins the first.
     *
     * @throws SourceRefusedException when any address is refused (final: the source is not retried)
     * @throws UnknownHostException   when the name does not resolve (the supervisor retries)
     */
    public ResolvedTarget resolve(NetworkUrl url) throws UnknownHostException, SourceRefusedException {
        Optional<InetAddress> literal = IpLiterals.parse(url.host());
        List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : policy.resolver().resolve(url.host());
        if (addresses.isEmpty()) {
            throw new UnknownHostException("no address for the source's host");
        }
        for (InetAddress a : addresses) {
            Optional<String> why = policy.refusal(url.host(), a);
            if (why.isPresent()) {
                LOG.log(Level.WARNING, "refused source {0}: {1}", new Object[] {url, why.get()});
                throw new SourceRefusedException(REFUSED);
            }
        }
        InetAddress chosen = addresses.get(0);
        return new ResolvedTarget(url.withHost(IpLiterals.urlHost(chosen)), chosen, url);
    }

    /** {@code localhost} and {@code *.localhost} always mean this machine (RFC 6761). */
    private static boolean isLocalhostName(String host) {
        String h = NetworkPolicy.normalHost(host);
        return h.equals("localhost") || h.endsWith(".localhost");
    }

    private static IllegalArgumentException refused(String url, String why) {
        LOG.log(Level.WARNING, "refused source {0}: {1}", new Object[] {io.posegate.gateway.security.Redaction.uri(url), why});
        return new IllegalArgumentException(REFUSED);
    }
}
