package io.posegate.gateway.ingest.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.posegate.gateway.ingest.IngestPolicy;
import io.posegate.gateway.ingest.SourceFactory;
import io.posegate.gateway.ingest.SourceSpec;
import io.posegate.gateway.ingest.Sources;
import io.posegate.gateway.ingest.feeds.WebcamHub;
import io.posegate.gateway.ingest.feeds.WebcamLimits;
import io.posegate.gateway.security.Redaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes the source URI parser and the address policy with any text an API client could send as a
 * {@code source}. Invariants: creating a source from the API fails only with an
 * {@link IllegalArgumentException}; a URL the guard accepts never has an internal literal host, and
 * pinning it to its address round-trips; a name is never pinned to an internal address (DNS here is a
 * test double that answers 127.0.0.1 for every name); redaction never throws and is idempotent.
 * Seeds: {@code SourcePolicyFuzzTestInputs/sourceUriAndPolicy/}. Fuzz for a bounded time with
 * {@code JAZZER_FUZZ=1} ({@code -Pfuzz}).
 */
class SourcePolicyFuzzTest {
    private static final HostResolver EVERY_NAME_IS_LOOPBACK = host -> List.of(InetAddress.getLoopbackAddress());
    private static final SourceAddressGuard GUARD = new SourceAddressGuard(
            NetworkPolicy.denyInternal().withResolver(EVERY_NAME_IS_LOOPBACK), Duration.ofSeconds(1));
    private static final SourceFactory FACTORY = Sources.defaultFactory(IngestPolicy.defaults().withMediaDirectory(media())
            .withNetwork(NetworkPolicy.denyInternal().withResolver(EVERY_NAME_IS_LOOPBACK)), new WebcamHub(WebcamLimits.defaults()));

    private static Path media() {
        try {
            Path dir = Files.createTempDirectory("posegate-fuzz-media");
            Files.writeString(dir.resolve("clip.mp4"), "x");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void sourceUriAndPolicy(byte[] input) throws Exception {
        String uri = new String(input, StandardCharsets.UTF_8);
        if (!uri.startsWith("webcam:")) { // each webcam name would add a feed to the shared hub
            try {
                FACTORY.create(new SourceSpec(uri, SourceSpec.Origin.API, 0, 0, 0, Map.of())).close();
            } catch (IllegalArgumentException expected) {
                // a clear refusal is the only allowed failure
            }
        }
        checkGuard(uri);
        String once = Redaction.uri(uri);
        assertEquals(once, Redaction.uri(once), "redaction is idempotent");
        assertEquals(Redaction.text(Redaction.text(uri)), Redaction.text(uri));
    }

    private static void checkGuard(String uri) throws Exception {
        NetworkUrl url;
        try {
            url = GUARD.precheck(uri);
        } catch (IllegalArgumentException e) {
            assertEquals(SourceAddressGuard.REFUSED, e.getMessage());
            return;
        }
        Optional<InetAddress> literal = IpLiterals.parse(url.host());
        if (literal.isEmpty()) {
            assertThrows(SourceRefusedException.class, () -> GUARD.resolve(url), "a name pinned to loopback: " + uri);
            return;
        }
        InetAddress a = literal.get();
        assertTrue(BlockedRanges.rangeOf(a).isEmpty() && !BlockedRanges.isMetadata(a), "accepted internal " + a + " from " + uri);
        ResolvedTarget pinned = GUARD.resolve(url);
        NetworkUrl again = NetworkUrl.parse(pinned.url());
        assertEquals(a, IpLiterals.parse(again.host()).orElseThrow());
        assertEquals(url.port(), again.port());
        assertEquals(url.userinfo(), again.userinfo());
        assertEquals(url.rest(), again.rest());
    }
}
