package io.posegate.gateway.config;

import io.posegate.spi.BackendProvider;
import io.posegate.spi.ModelFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What configs and descriptors may name: each {@link BackendProvider} on the class path, by name and formats, learnt
 * once with {@link ServiceLoader}. A provider that cannot be loaded or instantiated ({@link ServiceConfigurationError},
 * which is what {@link ServiceLoader} throws when a provider's class is missing or its constructor fails) or that
 * fails to give its name and formats is skipped with a warning, so one broken backend never hides the others.
 * Thread-safe.
 */
public final class DiscoveredBackends {
    private static final Logger LOG = Logger.getLogger(DiscoveredBackends.class.getName());
    /** Stops a scan whose iterator keeps failing without moving on (the JDK only tries its best to). */
    private static final int MAX_ERRORS = 64;
    private static volatile List<Backend> all;

    /** One provider: its name and the formats it declares. */
    public record Backend(String name, Set<ModelFormat> formats) {
        public Backend {
            formats = Set.copyOf(formats);
        }
    }

    private DiscoveredBackends() {
    }

    /** The providers of the class path, in discovery order; scanned on first use. */
    public static List<Backend> all() {
        List<Backend> a = all;
        if (a == null) {
            a = scan(ServiceLoader.load(BackendProvider.class));
            all = a;
        }
        return a;
    }

    /** Instantiates each provider of {@code loader} and reads its name and formats, skipping those that fail. */
    static List<Backend> scan(ServiceLoader<BackendProvider> loader) {
        List<Backend> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<BackendProvider>> it = loader.stream().iterator();
        int errors = 0;
        while (errors < MAX_ERRORS) {
            ServiceLoader.Provider<BackendProvider> p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                errors++;
                LOG.warning("a backend provider is skipped: " + e);
                continue;
            }
            try {
                BackendProvider provider = p.get();
                found.add(new Backend(provider.name(), provider.formats()));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                LOG.warning("backend provider " + p.type().getName() + " is skipped: " + e);
            }
        }
        return List.copyOf(found);
    }
}
