package io.posegate.gateway.ingest.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SSRF probes and their relatives, one address form each; none of these touch the network
 * (literals are refused before any I/O, and names are answered by a test double of DNS).
 */
class SourceAddressGuardTest {
    private final AtomicInteger lookups = new AtomicInteger();
    private final HostResolver noDns = host -> {
        lookups.incrementAndGet();
        throw new UnknownHostException("this test does no DNS");
    };
    private final SourceAddressGuard strict = new SourceAddressGuard(NetworkPolicy.denyInternal().withResolver(noDns), Duration.ofSeconds(1));

    @ParameterizedTest
    @ValueSource(strings = {
            "http://2130706433:18200/video",           // decimal: 127.0.0.1
            "http://0x7f000001/video",                  // hex
            "http://0X7F.0.0.1/",                       // hex part
            "http://0177.0.0.1/",                       // octal
            "http://0177.1/",                           // octal, short
            "http://127.1/",                            // short form
            "http://127.0.0.1./",                       // trailing dot
            "http://[::ffff:127.0.0.1]/",               // IPv4-mapped
            "http://[::ffff:7f00:1]/",                  // IPv4-mapped, hex
            "http://[0:0:0:0:0:ffff:127.0.0.1]/",
            "http://[::127.0.0.1]/",                    // IPv4-compatible
            "http://[64:ff9b::7f00:1]/",                // NAT64 of 127.0.0.1
            "http://[2002:7f00:1::1]/",                 // 6to4 of 127.0.0.1
            "http://[::1]:8080/",
            "http://169.254.169.254/latest/meta-data/", // cloud metadata
            "http://2852039166/latest/meta-data/",      // the same, decimal
            "http://[fd00:ec2::254]/latest/meta-data/", // AWS IPv6 metadata
            "http://100.100.100.200/",                  // Alibaba metadata (CGNAT)
            "http://0/", "http://0.0.0.0:8080/", "http://[::]/",
            "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.10/",
            "http://100.64.0.1/", "http://169.254.1.1/", "http://[fe80::1]/", "http://[fc00::1]/", "http://[fd12:3456::1]/",
            "http://224.0.0.1/", "http://[ff02::1]/", "http://255.255.255.255/", "http://198.18.0.1/",
            "rtsp://admin:p@ss@127.0.0.1:554/stream", "rtmp://10.0.0.2/live/key", "https://192.168.0.1/",
            "http://localhost:18200/", "http://LOCALHOST./", "http://cam.localhost/",
    })
    void internalAddressesInEveryFormAreRefusedBeforeAnyIo(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strict.precheck(url));
        assertEquals(SourceAddressGuard.REFUSED, e.getMessage(), "one message, naming nothing about the target");
        assertEquals(0, lookups.get(), "no DNS lookup for a literal");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://1.2.3.999/", "http://0x/", "http://1.2.3.4.5/", "http://4294967296/", "http://[fe80::1%25eth0]/",
            "http://[::1/", "http://[zz::1]/", "http://cam:0/", "http://cam:65536/", "http://cam:http/", "http://ca m/",
            "http://cam\\@127.0.0.1/", "http://%31%32%37.0.0.1/", "http:///path", "http://:80/", "http://cam_\t/",
            "http://u:p@/", "no-scheme", "http://-/x", "http://a..b/",
    })
    void malformedHostsAreRefusedWithTheSameMessage(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> strict.precheck(url));
        assertEquals(SourceAddressGuard.REFUSED, e.getMessage());
        assertEquals(0, lookups.get());
    }

    @Test
    void publicAddressesAndNamesPassThePrecheck() {
        assertEquals("8.8.8.8", strict.precheck("http://8.8.8.8/x").host());
        assertEquals("cam.example.com", strict.precheck("rtsp://u:p@cam.example.com:554/x").host());
        assertEquals("[2001:db8::1]", strict.precheck("http://[2001:db8::1]:80/").host());
    }

    @Test
    void allLiteralFormsOfOneAddressParseToIt() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (String form : List.of("2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0x7f.0.0.1", "127.0.1", "[::ffff:127.0.0.1]")) {
            assertEquals(loopback, IpLiterals.parse(form).orElseThrow(), form);
        }
        assertTrue(IpLiterals.parse("cam.lan").isEmpty());
        assertTrue(IpLiterals.parse("0xcafe.com").isEmpty(), "a name whose last label is not a number is a name");
    }

    @Test
    void aNameIsResolvedOnceAndEveryAddressChecked() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HostResolver dns = host -> {
            calls.incrementAndGet();
            return List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"));
        };
        SourceAddressGuard guard = new SourceAddressGuard(NetworkPolicy.denyInternal().withResolver(dns), Duration.ofSeconds(1));
        NetworkUrl url = guard.precheck("http://two-faced.example/x");
        SourceRefusedException e = assertThrows(SourceRefusedException.class, () -> guard.resolve(url));
        assertEquals(SourceAddressGuard.REFUSED, e.getMessage());
        assertEquals(1, calls.get());
    }

    @Test
    void aResolvedNameIsPinnedToTheCheckedAddress() throws Exception {
        HostResolver dns = host -> List.of(InetAddress.getByName("93.184.216.34"));
        SourceAddressGuard guard = new SourceAddressGuard(NetworkPolicy.denyInternal().withResolver(dns), Duration.ofSeconds(1));
        ResolvedTarget t = guard.resolve(guard.precheck("rtsp://admin:pw@cam.example:8554/live?x=1"));
        assertEquals("rtsp://admin:pw@93.184.216.34:8554/live?x=1", t.url());
        assertTrue(t.namedHost());
    }

    @Test
    void theConfigAllowsRangesAndHostsButMetadataOnlyByExactAddress() throws Exception {
        HostResolver dns = host -> List.of(InetAddress.getByName(host.equals("camera.lan") ? "10.0.0.5" : "10.0.0.6"));
        NetworkPolicy p = NetworkPolicy.allowing(List.of("192.168.1.0/24", "camera.lan", "fd00::/8", "169.254.0.0/16")).withResolver(dns);
        SourceAddressGuard guard = new SourceAddressGuard(p, Duration.ofSeconds(1));
        guard.precheck("rtsp://192.168.1.20/s");
        guard.precheck("rtsp://[fd00::20]/s");
        assertThrows(IllegalArgumentException.class, () -> guard.precheck("rtsp://192.168.2.20/s"));
        assertEquals("rtsp://10.0.0.5/s", guard.resolve(guard.precheck("rtsp://camera.lan/s")).url());
        assertThrows(SourceRefusedException.class, () -> guard.resolve(guard.precheck("rtsp://other.lan/s")));
        guard.precheck("http://169.254.10.10/");
        assertThrows(IllegalArgumentException.class, () -> guard.precheck("http://169.254.169.254/"),
                "a wide range does not open the metadata endpoint");
        SourceAddressGuard exact = new SourceAddressGuard(NetworkPolicy.allowing(List.of("169.254.169.254")), Duration.ofSeconds(1));
        exact.precheck("http://169.254.169.254/");
    }

    @Test
    void badAllowEntriesAreAllListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkPolicy.allowing(List.of("10.0.0.0/33", "not a host!", "192.168.1.0/24", "1.2.3.999")));
        assertTrue(e.getMessage().contains("10.0.0.0/33") && e.getMessage().contains("not a host!")
                && e.getMessage().contains("1.2.3.999"), e.getMessage());
        assertFalse(e.getMessage().contains("192.168.1.0/24"), e.getMessage());
    }
}
