package io.posegate.gateway.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The link the hub shows to a box's own dashboard is one a browser can open: never the wildcard bind, https
 * when the box serves TLS, IPv6 literals bracketed, and {@code fleet.dashboardUrl} as configured.
 */
class DashboardUrlTest {
    private static final Supplier<String> NO_ROUTE = () -> null;

    @Test
    void aWildcardBindLinksToTheFirstAllowedHostOverTls() {
        assertEquals("https://box.lan:8443/", DashboardUrl.of(null, "0.0.0.0", 8443, true, List.of("*", "box.lan", "other.lan"),
                () -> "192.0.2.7"));
    }

    @Test
    void aWildcardBindWithoutAllowedHostsLinksToTheAddressTowardTheBroker() {
        assertEquals("http://192.0.2.7:8080/", DashboardUrl.of(null, "0.0.0.0", 8080, false, List.of(), () -> "192.0.2.7"));
        assertEquals("http://[2001:db8::7]:8080/", DashboardUrl.of(null, "::", 8080, false, List.of(), () -> "2001:db8::7"));
    }

    @Test
    void aWildcardBindWithNothingElseKnownLinksToTheHostName() {
        String url = DashboardUrl.of(null, "0.0.0.0", 8080, false, List.of(), NO_ROUTE);
        assertFalse(url.contains("0.0.0.0"), url);
        assertFalse(url.contains("//:"), url);
    }

    @Test
    void aSpecificBindIsKeptWithIpv6Bracketed() {
        assertEquals("http://[::1]:8080/", DashboardUrl.of(null, "::1", 8080, false, List.of("box.lan"), NO_ROUTE));
        assertEquals("https://10.0.0.5:8080/", DashboardUrl.of(null, "10.0.0.5", 8080, true, List.of(), NO_ROUTE));
        assertEquals("http://127.0.0.1:8080/", DashboardUrl.of(null, "127.0.0.1", 8080, false, List.of(), NO_ROUTE));
    }

    @Test
    void theConfiguredUrlWins() {
        assertEquals("https://cams.example/box7/", DashboardUrl.of("https://cams.example/box7/", "0.0.0.0", 8080, false,
                List.of("box.lan"), () -> "192.0.2.7"));
    }

    @Test
    void theAddressTowardALoopbackBrokerIsLoopback() {
        assertEquals("127.0.0.1", DashboardUrl.localAddressToward("mqtt://127.0.0.1:1883"));
        assertEquals(null, DashboardUrl.localAddressToward("not a url"));
    }
}
