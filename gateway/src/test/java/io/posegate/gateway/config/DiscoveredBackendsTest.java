package io.posegate.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.posegate.backend.simulated.SimulatedBackendProvider;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.BackendSession;
import io.posegate.spi.ModelFormat;
import io.posegate.spi.ModelSpec;
import io.posegate.spi.Probe;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that cannot be found, whose constructor fails (ServiceLoader reports both as ServiceConfigurationError,
 * not a LinkageError) or that fails to say its name is skipped; the providers listed after it are still found.
 */
class DiscoveredBackendsTest {
    @TempDir
    Path dir;

    /** Its constructor fails as one does whose native classes are missing. */
    public static final class MissingNativesProvider extends NamedProvider {
        public MissingNativesProvider() {
            throw new NoClassDefFoundError("org/example/NativeRuntime");
        }
    }

    /** Instantiates, but cannot say its name. */
    public static final class NamelessProvider extends NamedProvider {
        @Override
        public String name() {
            throw new IllegalStateException("no name");
        }
    }

    /** A provider that opens nothing; {@link #name()} is "named". */
    public static class NamedProvider implements BackendProvider {
        @Override
        public String name() {
            return "named";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public Set<ModelFormat> formats() {
            return Set.of(ModelFormat.of("named-format", ".named"));
        }

        @Override
        public Probe probe() {
            return Probe.unavailable("test provider", formats());
        }

        @Override
        public BackendSession open(ModelSpec model, BackendOptions options) {
            throw new UnsupportedOperationException();
        }
    }

    /** A class loader whose only BackendProvider services file lists {@code classes}; classes come from the test's. */
    private ClassLoader listing(String... classes) throws IOException {
        String resource = "META-INF/services/" + BackendProvider.class.getName();
        URL services = Files.writeString(dir.resolve("services"), String.join("\n", classes) + "\n").toUri().toURL();
        return new ClassLoader(DiscoveredBackendsTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.equals(resource) ? Collections.enumeration(List.of(services)) : super.getResources(name);
            }
        };
    }

    @Test
    void brokenProvidersAreSkippedAndTheOthersFound() throws Exception {
        ClassLoader loader = listing(MissingNativesProvider.class.getName(), "org.example.NoSuchProvider",
                SimulatedBackendProvider.class.getName(), NamelessProvider.class.getName(), NamedProvider.class.getName());
        List<DiscoveredBackends.Backend> found = DiscoveredBackends.scan(ServiceLoader.load(BackendProvider.class, loader));
        assertEquals(List.of("simulated", "named"), found.stream().map(DiscoveredBackends.Backend::name).toList());
        assertEquals(Set.of(SimulatedBackendProvider.FORMAT), found.get(0).formats());
    }
}
