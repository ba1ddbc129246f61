package io.posegate.gateway.model;

import io.posegate.gateway.config.DiscoveredBackends;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.ModelFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The model formats descriptors may name: those the backends on the class path declare
 * ({@link BackendProvider#formats()}), as {@link DiscoveredBackends} found them (it skips a provider that fails to
 * load or to answer, so one broken backend never hides the others' formats). Thread-safe.
 */
public final class ModelFormats {
    private ModelFormats() {
    }

    /** Every declared format, in the providers' discovery order. */
    public static List<ModelFormat> known() {
        Set<ModelFormat> all = new LinkedHashSet<>();
        DiscoveredBackends.all().forEach(b -> all.addAll(b.formats()));
        return List.copyOf(all);
    }
}
