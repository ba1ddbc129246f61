package io.posegate.gateway.model;

import io.posegate.spi.BackendProvider;
import io.posegate.spi.ModelFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The model formats descriptors may name: those the backends on the class path declare
 * ({@link BackendProvider#formats()}), learnt once. A provider that fails to load or to answer is
 * skipped, so one broken backend never hides the others' formats. Thread-safe.
 */
public final class ModelFormats {
    private static volatile List<ModelFormat> known;

    private ModelFormats() {
    }

    /** Every declared format, in the providers' discovery order. */
    public static List<ModelFormat> known() {
        List<ModelFormat> k = known;
        if (k == null) {
            Set<ModelFormat> all = new LinkedHashSet<>();
            ServiceLoader.load(BackendProvider.class).stream().forEach(p -> {
                try {
                    all.addAll(p.get().formats());
                } catch (RuntimeException | LinkageError e) {
                    // a broken provider declares nothing
                }
            });
            k = List.copyOf(all);
            known = k;
        }
        return k;
    }
}
