package io.posegate.gateway.backend;

import static java.util.Objects.requireNonNull;

import io.posegate.gateway.model.ModelDescriptor;
import io.posegate.spi.BackendOptions;
import io.posegate.spi.BackendProvider;
import io.posegate.spi.InferenceResult;
import io.posegate.spi.Tensor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which backend runs a model fastest on this machine: every available backend that loads the model's
 * format opens it with the configured options, warms up, and runs a few frames back to back, one
 * backend after the other. Blocking and CPU-heavy for a few seconds: call from a worker thread.
 */
public final class BackendSpeeds {
    private BackendSpeeds() {
    }

    /**
     * One backend's figure.
     *
     * @param backend     the backend name
     * @param label       {@code backend:device}, or null when it failed to open
     * @param msPerFrame  mean milliseconds per run after the warm-up, NaN on failure
     * @param error       why it could not be measured, or null
     */
    public record Speed(String backend, String label, double msPerFrame, String error) {
    }

    /**
     * Measures every backend of {@code registry} that, probed with the options it is opened with here (the
     * descriptor's {@code backends.<name>} under {@code options.get(name)}), is available and loads the model.
     */
    public static List<Speed> measure(ModelDescriptor d, BackendRegistry registry, Map<String, Map<String, String>> options,
                                      int warmup, int runs) {
        requireNonNull(d, "d is null");
        java.util.function.Function<String, Map<String, String>> optionsOf = name -> d.optionsFor(name, options.getOrDefault(name, Map.of()));
        BackendRegistry configured = registry.configured(optionsOf);
        List<Speed> out = new ArrayList<>();
        for (BackendProvider p : configured.providers()) {
            if (!configured.probe(p.name()).canLoad(d.format())) {
                continue;
            }
            Map<String, String> opts = optionsOf.apply(p.name());
            try (ModelRuntime rt = ModelRuntime.open(d, p, BackendOptions.of(opts))) {
                configured.refresh(p.name());
                Tensor input = Tensor.allocate(d.input().name(), d.input().type(), d.input().shape());
                for (int i = 0; i < warmup; i++) {
                    rt.session().run(input).close();
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < runs; i++) {
                    try (InferenceResult r = rt.session().run(input)) {
                        r.names();
                    }
                }
                out.add(new Speed(p.name(), rt.label(), (System.nanoTime() - t0) / 1e6 / runs, null));
            } catch (RuntimeException e) {
                out.add(new Speed(p.name(), null, Double.NaN, String.valueOf(e.getMessage())));
            }
        }
        return out;
    }

    /** The measured backend with the fewest milliseconds per frame. */
    public static Optional<Speed> fastest(List<Speed> speeds) {
        return speeds.stream().filter(s -> s.error() == null).min(Comparator.comparingDouble(Speed::msPerFrame));
    }
}
